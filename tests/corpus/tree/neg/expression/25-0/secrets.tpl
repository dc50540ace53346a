api_key = {{ with secret "kv/app" }}{{ .Data.data.key }}{{ end }}
