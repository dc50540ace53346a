Rails.application.configure do
  config.x.pinecone_api_key = "pcsk_No2Ou_ikbPFMHiLrWnNgM7U1p8w9Z9xDldh7A9WmDINArB2t2k1naycTJUOcioWP16qSr"
end
