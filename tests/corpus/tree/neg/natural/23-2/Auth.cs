const string passwordField = "correct horse battery staple";
