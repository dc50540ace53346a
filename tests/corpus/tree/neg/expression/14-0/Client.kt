val apiKey = BuildConfig.API_KEY
