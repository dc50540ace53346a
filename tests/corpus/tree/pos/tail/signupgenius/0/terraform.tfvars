region = "eu-central-1"
signupgenius_user_key = "S9FdYSklkV9qKlD6eD6E9VPHYlm31rPu"
