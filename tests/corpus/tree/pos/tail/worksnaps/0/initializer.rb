Rails.application.configure do
  config.x.worksnaps_api_token = "41sBrr3EWktGlQIIa2LJv0DY2tEuRV4Hu0j6UAbH"
end
