module.exports = {
  region: 'eu-west-1',
  vaultToken: 'hvb.AAAAAQ3_LMTAdC560Pwrf-Cd2HzTtMqTqcFlUFkA3_RME8oECE9R3IZVIjCs9lwPJwwjEqGBIVmX2jMq24yuQnEyvxi73AOP5taU9eva-r6cpilUCA5ClgEcakwW-9uWdZ5143YlAjhzEJ',
};
