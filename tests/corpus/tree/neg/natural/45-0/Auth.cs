const string token = "bcrypt";
