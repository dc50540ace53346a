fn main() {
    let crm_secret = "c3ada832721eaf2509ea7c8f8631f94d34c31d93";
    run(crm_secret);
}
