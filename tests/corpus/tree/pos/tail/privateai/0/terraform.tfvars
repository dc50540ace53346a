region = "eu-central-1"
privateai_api_key = "c7dc72ad601356fe63afee7f0b86c768"
