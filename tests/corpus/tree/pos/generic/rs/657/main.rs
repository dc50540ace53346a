fn main() {
    let metrics_access_token = "6?=BqUAT12t1U&!8";
    run(metrics_access_token);
}
