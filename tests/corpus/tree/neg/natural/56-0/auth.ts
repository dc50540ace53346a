export const token = "tokens_per_minute";
