import Config
config :shop, ShopWeb.Endpoint,
  secret_key_base: "zsUoUg3YWaMvO5VrkfRA7Wq7VJjcHEUyOnwh/BHJdSo8F4XDel8FSlq6NjcCXekd"
