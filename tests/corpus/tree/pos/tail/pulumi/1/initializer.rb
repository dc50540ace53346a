Rails.application.configure do
  config.x.pulumi_access_token = "pul-b71138916ca106072e65e91ff5e2ae15af9f3d49"
end
