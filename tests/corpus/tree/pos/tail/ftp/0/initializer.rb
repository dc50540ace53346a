Rails.application.configure do
  config.x.ftp_ftp_url = "ftp://roeqxg:YpFvt8vxvdyuRxeI@ftp.hqgjkjp.net/"
end
