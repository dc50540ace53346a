Rails.application.configure do
  config.x.worldcoinindex_key = "LwUjriOZvGDi34TE3t3HY8befnLVKeshdJH"
end
