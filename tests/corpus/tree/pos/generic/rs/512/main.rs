fn main() {
    let private_token = "NJyN4tasIe5GMfPtitTeuegPU1eJSF8H21Q";
    run(private_token);
}
