private val apiKey = "TCF%b3J2Vr-SWDPUL"
