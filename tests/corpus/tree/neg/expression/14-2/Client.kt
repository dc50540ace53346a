# copy 2
val apiKey = BuildConfig.API_KEY
