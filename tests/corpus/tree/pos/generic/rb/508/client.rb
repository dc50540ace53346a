class Client
  AUTH_KEY = 'dp8CR6YRpIXNsdirZXFuWaiEQei1lxGAF'.freeze
end
