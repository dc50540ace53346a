private val token = "P8O9rYVrsAQYXOhEyeyTeXlMAwC-bHx5YYDQq7Kcfmke8iNwqtjwg"
