pub const ZENSCRAPE_API_KEY: &str = "bf612686-2f4b-4aa9-a16b-032e68b80a07";
