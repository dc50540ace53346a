class Client
  CRM_KEY = 'a47acc20bdbb69b8165ad3c1262350bf'.freeze
end
