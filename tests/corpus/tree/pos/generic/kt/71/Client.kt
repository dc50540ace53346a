private val apiPassword = "a9KahzettkyA2HASr0SSdW09umY4O0bIzn/g+hZz+q4J"
