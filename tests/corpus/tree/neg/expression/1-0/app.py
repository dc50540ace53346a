password = getpass.getpass("Password: ")
