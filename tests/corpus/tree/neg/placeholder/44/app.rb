API_TOKEN = '{{ .Values.apiToken }}'
