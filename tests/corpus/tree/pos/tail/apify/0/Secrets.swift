enum Secrets {
    static let apifyToken = "apify_api_4sE4sTpzySbuFpYkE3wRT15mtsG4i3Iz3Tcw"
}
