module.exports = {
  region: 'eu-west-1',
  zenkitapiApiKey: 'igotv1f4-owGLqiLWQkXtl8QRcGEFKdOeQUHH4jHx',
};
