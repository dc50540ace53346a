const api = new Api({ searchToken: "fb534f36fc809f52c97dfc99c10d93a9" });
