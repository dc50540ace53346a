class Client
  REPORTING_SECRET = 'OXXA4uLV3PNBTdZnQ0pWgv7N_WHcRgrklWW2GajUW0Lqg'.freeze
end
