const api = new Api({ crmApiKey: "X1yyA9nv7lcdIdBaa-fxyx-vMyju3sVyFP4wF4" });
