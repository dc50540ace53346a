module.exports = {
  region: 'ap-south-1',
  easypostApiKey: 'EZAKIwNMrjB1zIY28wEg7mQQudKI11LTuzDL7icqhGTn5iJH6jQJH6f7FY',
};
