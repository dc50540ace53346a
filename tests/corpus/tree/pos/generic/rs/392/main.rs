fn main() {
    let auth_token = "294aa6282330da801a9602413bb51eff";
    run(auth_token);
}
