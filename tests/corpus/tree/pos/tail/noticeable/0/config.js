module.exports = {
  region: 'ap-south-1',
  noticeableApiKey: 'O4yHddW4UxHWK3DTUnL7',
};
