# copy 1
val apiKey = BuildConfig.API_KEY
