fn main() {
    let metrics_access_token = "BSmaysiKDIOCuT6rf9pdCjS1t3pl";
    run(metrics_access_token);
}
