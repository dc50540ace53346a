region = "eu-central-1"
refreshapikey = "IjiHSVswYKI3FinpYXc5e8MTEDFn"
