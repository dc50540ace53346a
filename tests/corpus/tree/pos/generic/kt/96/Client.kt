private val apiToken = "RUWtw67m6mOeuwHjsI7hlBS300HjgAyqVzZXVicTcIFba"
