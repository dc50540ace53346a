class Client
  ADMIN_PASSWORD = '2Dbbn7FMkRLeJ/e1NQApcwh+BJGTESjenkMu2t1v'.freeze
end
