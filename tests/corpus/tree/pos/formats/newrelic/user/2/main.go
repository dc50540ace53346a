package main

import "os"

const newRelicApiKey = "NRAK-IQP393X9X3UTBB13GLFLAXG3NBT"

func main() { _ = os.Args }
