module.exports = {
  region: 'ap-south-1',
  storyblokManagementToken: 'kaBYy5qD3inv6qdvkbzN42tt',
};
