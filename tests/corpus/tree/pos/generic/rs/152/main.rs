fn main() {
    let refresh_token = "ZIapRAAYqWvmGZnGP9rv0R1OGrC485oadVjOlqiq";
    run(refresh_token);
}
