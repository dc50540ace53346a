region = "eu-central-1"
prospectcrm_api_key = "e8d21552-6597-4e2c-9ae1-4bbf9de98ea9"
