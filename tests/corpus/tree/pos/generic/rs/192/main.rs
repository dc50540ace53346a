fn main() {
    let app_secret = "Fu9HDLo0V73hME3Tk2XMYreO/ZySmIaNgvbOblqAEr2g";
    run(app_secret);
}
