const TOKEN: &str = "write:packages";
