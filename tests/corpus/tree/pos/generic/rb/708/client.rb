class Client
  ENCRYPTION_KEY = 'f37addb1c7e70dea682a3b13108db96db5ebdf2a8235b503584f57a404bc5b13'.freeze
end
