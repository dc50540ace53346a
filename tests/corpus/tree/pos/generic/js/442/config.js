module.exports = {
  region: 'us-east-1',
  uploadaccesstoken: '1b3dfbd8e9adb6d5bd4c62e28e44f7336d04297a114a9db2c14edee399597863',
};
