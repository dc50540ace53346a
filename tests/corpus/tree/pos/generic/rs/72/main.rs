fn main() {
    let db_password = "zo7HOWWZjtprjb0sdZPE5BO1TQscHqHUsVBZo87BeJ";
    run(db_password);
}
