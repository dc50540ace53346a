  correlationid = "e250b141-6f57-4441-b37a-8cbc553496af"
