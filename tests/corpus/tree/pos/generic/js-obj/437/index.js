const api = new Api({ deployToken: "HtUHoQlYs07IVQ7fqsu04sUalwWPvhp4L0awZQ8Kb1kV" });
