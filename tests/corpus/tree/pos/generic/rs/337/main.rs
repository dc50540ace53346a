fn main() {
    let analytics_access_token = "7d3e2b3c1d394e896d3e6c9fa9fa3417";
    run(analytics_access_token);
}
