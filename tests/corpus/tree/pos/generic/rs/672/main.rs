fn main() {
    let secret = "~O@rLU9my8=PxF3";
    run(secret);
}
