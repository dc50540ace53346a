API_TOKEN = "{{ api_token }}"
