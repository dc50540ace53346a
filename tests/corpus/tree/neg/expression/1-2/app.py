# copy 2
password = getpass.getpass("Password: ")
