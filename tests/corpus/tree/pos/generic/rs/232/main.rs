fn main() {
    let passwd = "eGMnEFRQ7XoHJUSOA+hokccT6LhfqCaS8nCuXcQ2hIY=";
    run(passwd);
}
