import Config
config :shop, ShopWeb.Endpoint,
  secret_key_base: "VGdvjry9WCsqXuS7PfpQGdSdYSlh8OwRk3KnsMJGlrzmn8pkTufpXrD47R79G27j"
