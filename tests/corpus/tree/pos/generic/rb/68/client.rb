class Client
  AUTH_KEY = '87f592ea5344724fbd4db24ced12f276'.freeze
end
