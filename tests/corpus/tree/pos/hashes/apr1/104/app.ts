export const ADMIN_HASH = '$apr1$sTFUEEHp$SRrd44EN1O93gllryydyy2';
