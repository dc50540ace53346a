const token = process.env.SERVICE_TOKEN;
