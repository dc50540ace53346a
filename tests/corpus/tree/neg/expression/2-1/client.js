# copy 1
const token = process.env.SERVICE_TOKEN;
