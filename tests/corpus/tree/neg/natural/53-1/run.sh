APIKEY="bert-base-uncased"
