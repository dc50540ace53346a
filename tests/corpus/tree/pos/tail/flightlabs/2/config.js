module.exports = {
  region: 'eu-west-1',
  flightlabsAccessKey: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwY1N0S1p3aXpNbzYiLCJpYXQiOjE3MDkxNzA4MjgsImp0aSI6ImM1NTk1NjU2LWJkMzYtNDUwNy05MjA3LThlOGRhYmUwYWMxMyIsInNjb3BlIjoiYXBpIn0.zCNEV16NlctNxQDi12L66QGK7spK3WwEZLk3PKLvStw',
};
