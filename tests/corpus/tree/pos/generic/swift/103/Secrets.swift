enum Secrets {
    static let upstreamSecret = "FLvJpJYAsS3I-M--ryq6jclKb-LrXi79bh3AXAAF1dXx"
}
