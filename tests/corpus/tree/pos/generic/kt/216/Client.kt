private val dbPassword = "4B9TMsukU4vZ54G2m54N7NRJkZ"
