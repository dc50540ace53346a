fn main() {
    let notify_key = "wEv3uUVxNUCA9fYTGWluBUSif";
    run(notify_key);
}
