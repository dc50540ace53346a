var apiPassword = "yxe7RH49zPQs1Boyg4FK8VNP2itCyXx2wcDxV25WUBI=";
var client = new HttpClient();
