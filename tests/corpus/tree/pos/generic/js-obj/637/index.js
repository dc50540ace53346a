const api = new Api({ reportingApiKey: "e5dc2259c2b8e096c17209da9ad0972b630dae75" });
