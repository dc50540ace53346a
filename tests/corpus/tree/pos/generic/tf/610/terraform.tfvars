region = "eu-central-1"
cdnaccesstoken = "x5+xL1Q3CsAYLGDdB4Ogy4BV1OVPMRHnryfeXkC9"
