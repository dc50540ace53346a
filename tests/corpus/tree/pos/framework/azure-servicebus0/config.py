SERVICE_BUS = "Endpoint=sb://events-sqkr.servicebus.windows.net/;SharedAccessKeyName=send-only;SharedAccessKey=F+Hji7rJvbuYi9AIxw/U67iEl8R7esrEMgEvG+Vk1yk=;EntityPath=hub1"
