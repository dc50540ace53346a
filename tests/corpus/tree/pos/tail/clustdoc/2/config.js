module.exports = {
  region: 'us-east-1',
  clustdocApiToken: 'Ymxgx6FxsrQsR3zm4T12ZwWHwgSeYwL5yeINcPMWjlafxRfwkCdXF4w9WzN4',
};
