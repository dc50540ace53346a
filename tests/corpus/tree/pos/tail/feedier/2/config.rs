pub const FEEDIER_API_KEY: &str = "EUJC56TLVMOcsUMT204UzyIwpvoM9dsz14yrcPNz";
