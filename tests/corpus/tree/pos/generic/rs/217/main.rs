fn main() {
    let metrics_token = "1NBV5IhaO29xqN13AevNW12BEB1hK8O7YPQP8mMY";
    run(metrics_token);
}
