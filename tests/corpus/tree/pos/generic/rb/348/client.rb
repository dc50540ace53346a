class Client
  API_KEY = '98cd18355cc441beb4551f24da6c467520c6bb24'.freeze
end
