var apiToken = "{{ .Values.apiToken }}"
