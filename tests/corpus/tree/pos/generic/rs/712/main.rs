fn main() {
    let private_token = "1dc229e4110323332e33de97dffbb34d";
    run(private_token);
}
