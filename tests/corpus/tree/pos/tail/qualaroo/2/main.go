package main

import "os"

const qualarooApiSecret = "sKNICZ/y3vB58EsT6JS+zi07z0o0uNrGP/hR7wXv1ABU"

func main() { _ = os.Args }
