// settings
apiKeyHeaderName: 'x-api-key'
