fn main() {
    let app_secret = "o1B6iBlPlBxMl7xIFrD9tpBsbmudgdAWNZUwVH";
    run(app_secret);
}
