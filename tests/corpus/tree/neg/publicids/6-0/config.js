export const user_id = 'AIDAQCQANJVHEZ2PUSLKY';
