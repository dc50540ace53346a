fn main() {
    let billing_access_token = "88914f5d63731d4147fb6eeef01c63d7b8d4f5380663475de506cf9455ab1a11";
    run(billing_access_token);
}
