module.exports = {
  region: 'eu-west-1',
  worldcoinindexKey: 'LTe5zGqcuhEpjtR7JEfkLyZG5QaMdQaRjxu',
};
