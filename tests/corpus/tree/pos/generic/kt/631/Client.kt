private val internalPassword = "Thdz5J1p0phW21zO1cu1rORU3syAzu5cillOHZFB"
