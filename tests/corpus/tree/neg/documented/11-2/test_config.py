EXAMPLE_KEY = "django-insecure-change-me-in-production"
