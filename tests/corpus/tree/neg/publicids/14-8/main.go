var video_id = "gFRTzWlOh1C"
