var apiToken = "sk_live_...";
