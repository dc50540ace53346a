class Client
  NOTIFY_KEY = 'c!%&Bk9JRY=9^l^Ux:@yF'.freeze
end
