module.exports = {
  region: 'eu-west-1',
  cratesIoToken: 'cioX5CCkFCIf8tSlEdj8lu7QI3huJGbtDpO',
};
