fn main() {
    let sync_access_token = "a1197890b6c68fb5c3bccce4d5d23627";
    run(sync_access_token);
}
