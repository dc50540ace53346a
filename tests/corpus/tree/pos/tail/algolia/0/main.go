package main

import "os"

const algoliaAdminApiKey = "080cecd383ce7d6cc83e9c91911e376d"

func main() { _ = os.Args }
