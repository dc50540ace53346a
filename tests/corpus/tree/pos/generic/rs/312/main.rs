fn main() {
    let encryption_key = "sz6---IxLljwSBUHfvrcz1pv5DBH_wzthQvZ30bKg-n3U";
    run(encryption_key);
}
