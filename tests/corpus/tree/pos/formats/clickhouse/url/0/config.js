module.exports = {
  region: 'ap-south-1',
  clickhouseUrl: 'clickhouse://default:Xa8ruJcew3BKM6s8@h95ztmig4e.eu-west-1.aws.clickhouse.cloud:9440/default?secure=true',
};
