# copy 2
const token = process.env.SERVICE_TOKEN;
