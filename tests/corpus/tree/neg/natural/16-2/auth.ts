export const secret = "keystore.jks";
