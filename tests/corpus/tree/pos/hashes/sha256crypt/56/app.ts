export const ADMIN_HASH = '$5$sKN.Y1jkzPiejvU3$aDL1g/0WxTI0uGoJvMs8PeSo3YP/ooI.F34DYJOd6fe';
