fn main() {
    let access_key = "cQQJOeGmF487iTB0pDX7JYmPZMmLj3hCXb3qcalmFWm6rnW";
    run(access_key);
}
