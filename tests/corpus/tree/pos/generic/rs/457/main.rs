fn main() {
    let maps_key = "f3accbdc037b4fff58b721aad137538b";
    run(maps_key);
}
