val SECRET_NAME = "csrfmiddlewaretoken"
