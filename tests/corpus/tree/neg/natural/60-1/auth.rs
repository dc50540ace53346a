const accessToken: &str = "csrfmiddlewaretoken";
