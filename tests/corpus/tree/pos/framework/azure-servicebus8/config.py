SERVICE_BUS = "Endpoint=sb://orders-g40d.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=Nlc861Vb7EVKBxxrIz1CeGNv4iStnazrcxqxoRlJcNI="
