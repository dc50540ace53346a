const api = new Api({ searchToken: "sfFskN1OHMjZ1yBxKxWJe2QY1nwyEPcb" });
