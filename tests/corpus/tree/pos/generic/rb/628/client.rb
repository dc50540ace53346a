class Client
  OAUTH_TOKEN = 'd1e6df536972d252b2d0589ca959110d'.freeze
end
