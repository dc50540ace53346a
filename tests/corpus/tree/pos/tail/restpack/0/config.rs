pub const RESTPACK_ACCESS_TOKEN: &str = "wLNcHHZnnPtPlv9nFrEjfntVzShx9lfBEO2lHDXau16WkgqY";
