fetch(url, { headers: { Authorization: 'Basic ZGVwbG95Om1OOE9uUWNRanlLV3BDdFpsNw==' } });
