region = "eu-central-1"
airtable_pat = "pat0Oe0uUe6fL54Uy.69d6320f80cb8fc0153cb7b23f0d35bdc32901aeca83503157d6fb158ea3853d"
