region = "eu-central-1"
servicetoken = "RgDA154i2Nt7/OrMOou+8ZBw3KgJDoZA"
