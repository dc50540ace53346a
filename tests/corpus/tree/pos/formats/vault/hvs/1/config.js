module.exports = {
  region: 'ap-south-1',
  vaultToken: 'hvs.CAESIUs9PRyyfwKS3c19WryfPi2ZCajhOUVyOahtY2QVFO3BE7Wz4xNcF1jQkl3wmYWQi_REjn5Sxf0Ud2R7AIWg0U6',
};
