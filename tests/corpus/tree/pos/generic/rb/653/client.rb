class Client
  DEPLOY_KEY = 'KUfbq7sff&+3.5AA=77p7~='.freeze
end
