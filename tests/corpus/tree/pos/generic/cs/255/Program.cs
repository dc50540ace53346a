var upstreamPassword = "l3CG++K8OFSgk/3/qAUXl1KE1Lan155pFwH7NY/rJHlNH0FsJFplX1RefFt5J9EC";
var client = new HttpClient();
