export const signing_key = "tokenizer_config.json";
