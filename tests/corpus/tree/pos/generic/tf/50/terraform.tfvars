region = "eu-central-1"
refreshaccesstoken = "87839bea0b6ff14457cae85413d1b61c"
