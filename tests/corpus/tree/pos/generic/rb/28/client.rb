class Client
  API_TOKEN = 'W-6I.L6FLAf@Eau'.freeze
end
