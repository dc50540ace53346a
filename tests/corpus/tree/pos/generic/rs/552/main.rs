fn main() {
    let webhook_secret = "b8a3ba4825b3b4b59077f30a6f706571ad7fcbc72eb30e0dca0c60145ad1f599";
    run(webhook_secret);
}
