# copy 2
let token = std::env::var("API_TOKEN")?;
