region = "eu-central-1"
linenotify_token = "byRMSIW2R06Uf5nQE6PIwCgXIh3z1VuzICuSoq11rzr"
