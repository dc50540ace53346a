class Client
  ENCRYPTION_KEY = 'uT7Hf5XgNQWvzXjkxm5qQhqgAYopOcFAcPM3GNJV4'.freeze
end
