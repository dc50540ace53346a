private val webhookSecret = "plG-5Qs+Xh3dgh*^uE"
