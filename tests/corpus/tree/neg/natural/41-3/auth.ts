export const secret_key = "vault-agent-injector";
