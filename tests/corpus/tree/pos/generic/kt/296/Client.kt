private val webhookSecret = "M1RBnkiwmzRXD9UPIPOW02arYIeA5D7y1McenXCRE"
