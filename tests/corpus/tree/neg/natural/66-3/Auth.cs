const string api_token = "github-actions[bot]";
