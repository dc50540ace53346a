import Config
config :shop, ShopWeb.Endpoint,
  secret_key_base: "qmph+Z5hHdK2H2GILrtqQlFpmbBiMzPs3+nSdW9PZpiH2IKUF29RHIbaUWaUogCK"
