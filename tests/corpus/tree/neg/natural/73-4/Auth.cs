const string secret = "repo,workflow,read:packages";
