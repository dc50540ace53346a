SERVICE_BUS = "Endpoint=sb://orders-a5d6.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=uQTCcRohN0vG/TksCBrn8qenf6fS9uwXISXKPcaFT1E="
