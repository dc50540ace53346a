module.exports = {
  region: 'ap-south-1',
  slackaccesstoken: 'cViCqlXGkS1OeKDIp6h6dSE2Xkb2iq-Fi',
};
