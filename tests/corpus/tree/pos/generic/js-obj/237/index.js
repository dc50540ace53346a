const api = new Api({ ordersApiKey: "4YttJaj5INzgC4JvqlkI5+dLTT6Nw20OHGYnEpkywigJCJCEM35OUtjIJrsW9dhT" });
