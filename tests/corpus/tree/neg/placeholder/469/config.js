const apiToken = 'sk_live_...';
