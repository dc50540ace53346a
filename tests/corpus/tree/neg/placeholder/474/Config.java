String apiToken = "sk_live_...";
