request_id = "23f17d66-51eb-410b-a613-7ffa8f56048b"
