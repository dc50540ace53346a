region = "eu-central-1"
userflow_api_key = "ak_6n805axeuyphcp7ksc4o6rjez5"
