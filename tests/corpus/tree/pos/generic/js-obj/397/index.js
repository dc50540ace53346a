const api = new Api({ ingestAccessToken: "c66b52bced00277eef9eae55a5dea928" });
