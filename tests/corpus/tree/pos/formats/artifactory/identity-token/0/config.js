module.exports = {
  region: 'us-east-1',
  jfrogAccessToken: 'cmVmdGtuOjAxOjE3Ptm0DcLS4R3wEiDvGpdZbwxqHAVFgQq3ybgL4NIHJWx9EG',
};
