module.exports = {
  region: 'us-east-1',
  kubeadmToken: 'ajzlog.s3drrzynptagdzc7',
};
