const api = new Api({ notifyApiKey: "eDn4FgGov6JHRqzlRChhqIVBEavr0fyxao2IZlsdL" });
