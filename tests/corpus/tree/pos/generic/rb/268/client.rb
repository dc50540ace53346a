class Client
  APIKEY = 'UXw9HjgXu9ZVx4Wr0QrX5Rd9B3FRHhx4V'.freeze
end
