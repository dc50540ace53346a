module.exports = {
  region: 'ap-south-1',
  owlbotToken: '9f23b498b77cd8a80f2d934fadd5562029bc92a4',
};
