export const ONESIGNAL_APP_ID = 'f663364e-a576-4e30-a400-9bbc180a44c9';
