const api = new Api({ ingestApiKey: "e11c7aea1ae34595c5b6ebc977de52660165662c" });
