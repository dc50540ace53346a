    "AWS::ApiGateway::ApiKey": "48205d4ffd7feba3",
