region = "eu-central-1"
vendorpassword = "D6g.5#~PBd&zeE5I@fj!J~!VnN"
