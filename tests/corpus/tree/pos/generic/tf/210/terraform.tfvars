region = "eu-central-1"
vendorpassword = "qA6XA7FZdW3pd9NK18rQhOBRigU8Gp79DeiZ3VFFIoidJnLM8ZZdslgysedpW7Fq"
