# copy 1
let token = std::env::var("API_TOKEN")?;
