private val apiSecret = "nRS5EAY9SRZe8kJUR/W8bCW+XbmYHrz1"
