var apiToken = "{{ .Values.apiToken }}";
