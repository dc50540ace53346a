export const auth_token = "handleTokenRefresh";
