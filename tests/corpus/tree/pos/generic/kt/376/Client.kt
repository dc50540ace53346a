private val secret = "K5AMeEoAB6VqvxERGg1VnvQQkqhg9PlyYVTHbkEz23wfnv"
