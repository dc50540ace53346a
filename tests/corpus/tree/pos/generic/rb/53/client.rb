class Client
  NOTIFY_SECRET = 'E+nTry8Vp#kjyec=?YF_i6'.freeze
end
