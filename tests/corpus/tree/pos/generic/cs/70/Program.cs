var serviceaccesstoken = "Ar5@Z#8Axz1d1bvv#pUTvO2G";
var client = new HttpClient();
