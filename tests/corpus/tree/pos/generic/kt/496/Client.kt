private val redisPassword = "@3hWdx6y*IyC*hBg6JAk4:Q5Xh&"
