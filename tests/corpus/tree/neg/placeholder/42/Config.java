String apiToken = "{{ .Values.apiToken }}";
