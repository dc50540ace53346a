private val password = "RtVCiYHNB0vYhn7NNDFdcLr2qK"
