class Client
  MAPS_SECRET = 'e419dea44b33ed74d335df85e4b83fd26aaf1cfade866cc2d11ca659317e0609'.freeze
end
