enum Secrets {
    static let serviceToken = "k6lbtZLCUSSz3wAPfOLKgGv6EpHbkTRysD18KOTdi7CamZdq"
}
