AUTH_TOKEN="csrfmiddlewaretoken"
