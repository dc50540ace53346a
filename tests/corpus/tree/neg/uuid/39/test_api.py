subscription_id = "4a65c395-4316-4ee7-a6e2-ce528f866b10"
