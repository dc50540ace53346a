enum Secrets {
    static let pagerdutyapikeyApiKey = "u+kOLYL9ZcrPAQXm7IpP"
}
