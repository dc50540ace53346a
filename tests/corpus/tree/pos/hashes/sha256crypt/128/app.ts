export const ADMIN_HASH = '$5$LQTUdx1VrMcrgzkx$/Sa2Vq0nRPBStYvz.krIu1DZgmXnBDYgc0vY2SYfMPN';
