export const signing_key = "token_type_hint";
