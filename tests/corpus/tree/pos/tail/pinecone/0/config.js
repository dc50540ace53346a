module.exports = {
  region: 'ap-south-1',
  pineconeApiKey: 'pcsk_DxxsS_vVr8US5QuzUSrXNG78OjW58bDJOffApz6QhWQvoLr1Av8olMYhJfAQ5slUnLZiA',
};
