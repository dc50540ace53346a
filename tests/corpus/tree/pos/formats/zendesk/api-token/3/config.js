module.exports = {
  region: 'ap-south-1',
  zendeskApiToken: 'micutnWqJ3qwJUtYIsy2PTGMK1WoW9B5yu9KMqPn',
};
