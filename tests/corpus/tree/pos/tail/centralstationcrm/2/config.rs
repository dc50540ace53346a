pub const CENTRALSTATIONCRM_API_KEY: &str = "xQsQMjgkYijBnSmjvfsDkrSHgQm0DQ";
