class Client
  ORDERS_SECRET = 'dcd0ae81f49bad62c9395b424ad895b24f13f49e'.freeze
end
