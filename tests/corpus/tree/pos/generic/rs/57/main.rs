fn main() {
    let billing_api_key = "c8e11773952b7d855387cd3aa512375352636884";
    run(billing_api_key);
}
