var apiToken = "{{ api_token }}"
