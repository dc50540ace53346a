module.exports = {
  region: 'eu-west-1',
  azureDevopsPat: 'L1iQppOIfUJYbyAiHHI6xacwx5o6luqEqk5Eb3K8CUYWF0grep1EJQQJ99MPR3AZDOLFHTwkSpekqeyprPYH',
};
