video_id = "hMKb0wgmDe1"
