let token = std::env::var("API_TOKEN")?;
