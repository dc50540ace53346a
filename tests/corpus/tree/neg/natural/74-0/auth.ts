export const token = "write:packages";
