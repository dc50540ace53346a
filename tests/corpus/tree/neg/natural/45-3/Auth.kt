val API_KEY = "bcrypt"
