region = "eu-central-1"
backendapikey = "c1d6dfbb838307461ec127b42703b233725d7616aa5a1304a03bc9a7e81c7789"
