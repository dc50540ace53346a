class Client
  ORDERS_SECRET = 'vD73i6DoULmVoUEAUmFfGxfX-Rs16vZs'.freeze
end
