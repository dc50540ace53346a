fn main() {
    let billing_secret = "z^debN!Qp#2b2pL%ID_*J";
    run(billing_secret);
}
