module.exports = {
  region: 'ap-south-1',
  intra42ClientUid: 'u-s4t2ud-563af635109b5ddcc862a9a8d4476360c6ec7ce31007f401667579848790609c',
};
