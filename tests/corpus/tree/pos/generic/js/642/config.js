module.exports = {
  region: 'ap-south-1',
  uploadsecret: '.6!geVZ%5_8QpB*d2i7iDr^D',
};
