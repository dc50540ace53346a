class Client
  INVENTORY_KEY = '46919febeb32d7dfeecd3f1381f88f56bd545b2da2fba342b6a663e1129ca0b8'.freeze
end
