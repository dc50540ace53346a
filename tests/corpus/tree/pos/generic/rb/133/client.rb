class Client
  MAPS_ACCESS_TOKEN = '29b4dc08a300e64836574a1d3efd8ad2454ff4a9a1d6bdbc03c944b035cb1553'.freeze
end
