const api = new Api({ searchToken: "af94e0409aa5225e9b2ff64f58cb20ff" });
