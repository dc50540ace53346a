const api = new Api({ paymentsSecret: "U65SA38J2oW5s0IywFECNUNHW3l62w04aEx05ipQVd" });
