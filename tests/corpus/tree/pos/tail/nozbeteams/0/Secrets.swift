enum Secrets {
    static let nozbeteamsApiKey = "d03rMkpEgRi6Cggd_E6SPLXMfVzg735Nvu6RFwyfOhtnKLXQBzS4NHULYFATlCrWRGmqVnTZBIRoAMvhd"
}
