region = "eu-central-1"
mongodb_uri = "mongodb+srv://imjfas:WoPJ0Og5guAVnxxs6kz3@cluster0.je3c4.mongodb.net/snydom"
