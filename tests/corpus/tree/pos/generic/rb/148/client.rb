class Client
  LICENSE_KEY = 'e6498f54c44df58f06fc2e0debf428c1'.freeze
end
