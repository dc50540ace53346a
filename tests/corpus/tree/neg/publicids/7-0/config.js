export const role_id = 'AROAIINHEF44UCKLXW6EA';
