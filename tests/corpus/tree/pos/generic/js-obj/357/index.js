const api = new Api({ metricsAccessToken: "5c88b59264ac0681229fddc1cd94a8db2be1ed15" });
