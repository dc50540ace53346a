# settings
const secretManagerServiceClient = new SecretManagerServiceClient();
