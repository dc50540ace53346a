export const customer_id = 'cus_zn441guq6b8ipc';
