private val apiKey = "14a512a0313ca90d1248dc091c606cdb91ad4c3f"
