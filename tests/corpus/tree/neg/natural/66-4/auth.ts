export const password = "github-actions[bot]";
