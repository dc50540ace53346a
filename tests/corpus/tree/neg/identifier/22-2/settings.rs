// settings
apiKeyRef: tenant-configuration-api-key-reference
