private val serviceSecret = "zALOwCUDZi8AKI5lISP8LJBxaAw1Ab3pz8U-97UCi4"
