Rails.application.configure do
  config.x.teamworkdesk_api_key = "tkn.v1_bZKHG6kf5/5FSaiDojqSowTN4VN2rcQwXEwSoeSAINJKL0XeLFfO4ROvvi4p"
end
