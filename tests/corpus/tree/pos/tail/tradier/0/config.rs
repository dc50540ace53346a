pub const TRADIER_ACCESS_TOKEN: &str = "gVkkc8ZLNdXheuzEAHIcHqqgho7m";
