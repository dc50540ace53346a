var apiSecret = "_exuow4ZNfVaJD-nliWf9UuW4IXXtlT2hsXIW45FdLWnDBq";
var client = new HttpClient();
