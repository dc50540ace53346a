workspace_id = "54a8a793-8863-4798-ab6b-34fc7db8b84b"
