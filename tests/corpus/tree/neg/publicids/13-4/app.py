uid = "e753bfa5-8254-46b5-bd18-df20871bd6b6"
