pub const DUFFEL_ACCESS_TOKEN: &str = "duffel_live_nN5YbDipQ5iBHsJF7kO-sAta3CXjK0M2qpR0wHW1jCi";
