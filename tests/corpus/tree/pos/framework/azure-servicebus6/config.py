SERVICE_BUS = "Endpoint=sb://telemetry-qxcy.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=bAS8mZ3VryvIX90OVUveDYWrHbIwNBZIcpjb3ojvjv0=;EntityPath=hub1"
