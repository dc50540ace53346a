const api = new Api({ notifyToken: "ae6fde85f7344edf483e277233908c7c9b0e0fab" });
