fn main() {
    let secret_key = "liT1ToieWbyZHsnT2NbPS17ikJZvvb7RZQenw1GPcoF";
    run(secret_key);
}
