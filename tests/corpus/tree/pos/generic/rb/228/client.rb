class Client
  SECRETTOKEN = '_X-voynxEZCl1ouJ6Ic-cA5R7pwTu0MPeXru1'.freeze
end
