const api = new Api({ mapsAccessToken: "4cb3566f433ca9d3618e23de5023f9ffe9f1fae9" });
