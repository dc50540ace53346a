package main

import "os"

const kontentManagementApiKey = "ew0Ktb5aUyg2CuS5GHS+ux58y4qI/zWuwYZ8Dp7zObdo/Gm5gleybuR5N2czI7UzXdBjDSQ/XGsHTeiF6BmKPWFQrxnn27ROOXMgbQejBytQGP5H/5AmWHnl78bZLRk0f6K6qqbzHpSigQafmzChB3Z5LmKz9mzCDiYI7XXK6sG5XH40Cwo8mab1drQYuWtslZFo7BdeH5HeBmZD95bwMVpDx/Hnq5L9fvYSCMVjeExpaBHQvYLr"

func main() { _ = os.Args }
