const signing_key: &str = "x-csrf-token";
