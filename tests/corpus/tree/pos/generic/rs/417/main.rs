fn main() {
    let deploy_api_key = "t5RIFExEfhV64G6q4hSawna607fY2Sx";
    run(deploy_api_key);
}
