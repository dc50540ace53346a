SERVICE_BUS = "Endpoint=sb://orders-4e0w.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=E0wJsXHzmX7OdMQR5jNyQi0FlZr+VkKOeFXY6p597TU="
