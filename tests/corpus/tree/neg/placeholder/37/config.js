const apiToken = '{{ .Values.apiToken }}';
