const passwordField: &str = "bert-base-uncased";
