export API_TOKEN="{{ .Values.apiToken }}"
