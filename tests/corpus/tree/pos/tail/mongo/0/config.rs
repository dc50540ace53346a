pub const MONGO_URI: &str = "mongodb://cogne:lCh7GpnGaWzzgEWNJw@glmhjb.example.internal:27017/yyxcm?authSource=admin";
