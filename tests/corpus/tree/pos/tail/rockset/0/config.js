module.exports = {
  region: 'ap-south-1',
  rocksetApiKey: 'ZHk5HmCSuu7WGkn55Eoi59XyIkOvK90vCSHiceswa76PYQVBsHU70AYGvthebHjv',
};
