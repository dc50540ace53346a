private val secretKey = "3baeb4c5f3fc9772b93b4b49cbc2bd09"
