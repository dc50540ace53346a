export const apiKey = "s3://acme-config/app/settings.json";
