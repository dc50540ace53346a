pub const FASTLY_API_TOKEN: &str = "vGALlHltJjhYZYJhMl-3_akoTU3ttpaG";
