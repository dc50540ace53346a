correlationId = "6fccac70-6ab4-407c-b811-6c2073cc9432"
