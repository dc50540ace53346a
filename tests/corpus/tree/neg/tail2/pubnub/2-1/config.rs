pub const PUBNUB_SUBSCRIBE_KEY: &str = "sub-c-a73b3485-536a-4290-9738-7cfa3bde3476";
