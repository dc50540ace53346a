fn main() {
    let hmac_key = "o97JxVah0+7n2QlakXgNw1U2dvye+VkG5TrI6NBp4Ow=";
    run(hmac_key);
}
