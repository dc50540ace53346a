pub const NFTPORT_API_KEY: &str = "d7670128-0d5b-4685-84a8-db71b09407e3";
