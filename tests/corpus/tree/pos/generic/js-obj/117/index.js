const api = new Api({ metricsApiKey: "6b13a79610a07945a2b61d5e7edeaf114e6c3fe3278a034eda3acfceb3d99fb0" });
