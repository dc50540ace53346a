class Client
  AUTH_KEY = 'GcW2fl03IhT0f1vvWwA'.freeze
end
