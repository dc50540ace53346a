package main

import "os"

const slackConfigRefreshToken = "xoxe-1-mENZVNeprHkJLnZbBtRGQgv9QqeP3KX39hMcAniFRD0nvl8UDUA3gaC2pDXcyx3t9upXqkxTIGk5pMkdleBIFQ2WecylyhNLzCMGu6EL1rTRzUSzN7cdaYQRBipGrvgOffHKaj59oMHEAOEFk5"

func main() { _ = os.Args }
