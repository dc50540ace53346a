pub const OPENCAGEDATA_API_KEY: &str = "a7fb163029b3bb97e87cace3e18be300";
