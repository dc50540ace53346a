enum Secrets {
    static let internalKey = "1ZCDuMmrYT5Gm3nnfIuJ1CtwgGTscOesKx19eIvH98tXlCg3"
}
