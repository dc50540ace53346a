pub const SWIFTYPE_APP_SEARCH_PUBLIC_KEY: &str = "search-e5sk7znbok3yppby3sw1accl";
