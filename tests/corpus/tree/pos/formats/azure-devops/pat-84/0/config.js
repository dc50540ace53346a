module.exports = {
  region: 'ap-south-1',
  azureDevopsPat: 'iU3NSEVU4zZus5jfHMqrxS5wipUAKgep7hIvkbHQmMpa3jPK4tlAJQQJ999CJD35JQRJ5FN2UDGVAZDOEwBl',
};
