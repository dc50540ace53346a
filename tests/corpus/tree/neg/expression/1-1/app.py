# copy 1
password = getpass.getpass("Password: ")
