module.exports = {
  region: 'us-east-1',
  appConfigConnectionString: 'Endpoint=https://appcs-prodveby.azconfig.io;Id=d5i6-rn-s2:XXwmvB+V+R7f56tkEEGZ;Secret=ipjmV3GE4Qdb51rC5T9kd0V0EBW5GhMcpEn8nCCJTuo=',
};
