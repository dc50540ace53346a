fn main() {
    let sync_token = "d5D8EpmjSvvgP2N-W6yNTUEjpGqJhlkn8hbO82Fe";
    run(sync_token);
}
