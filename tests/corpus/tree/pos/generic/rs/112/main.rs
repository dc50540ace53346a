fn main() {
    let internal_api_token = "H7F9swgzEfdCY8YVHiu9DSbbrL_LlLJq_HQ";
    run(internal_api_token);
}
