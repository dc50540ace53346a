SERVICE_BUS = "Endpoint=sb://events-h1rw.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=EP/97ZCqqEgBRmPoShlXjiy+wBkN5rgbtPh002xgUyE="
