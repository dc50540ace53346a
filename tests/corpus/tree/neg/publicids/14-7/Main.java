String video_id = "Ou-JkM0KZMI";
