private val apiPassword = "#0?hQsINjqmEbU"
