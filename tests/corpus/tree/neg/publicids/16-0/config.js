export const gravatar_hash = '179d1947ffc062f2f23a890d91384c38';
