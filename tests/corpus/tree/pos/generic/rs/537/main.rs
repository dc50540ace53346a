fn main() {
    let reporting_api_key = "W2sS514VqrierIaUSztN-mXYfLp3sWz7yv9ScBvt9nMC_qL0m-";
    run(reporting_api_key);
}
