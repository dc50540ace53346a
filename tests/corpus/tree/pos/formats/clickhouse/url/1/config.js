module.exports = {
  region: 'ap-south-1',
  clickhouseUrl: 'clickhouse://default:nDFndQVUZW6Vnsan@afyncuqm38.eu-west-1.aws.clickhouse.cloud:9440/default?secure=true',
};
