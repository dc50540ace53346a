export const apiKey = "correct horse battery staple";
