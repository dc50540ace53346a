package main

import "os"

const vaultToken = "hvs.CAESICBGlx3xIISlHJeFi__h556NPWLH8RxfwherkySSmA5jLtMX5NB-A1HVYB4pr_J-OJ7CSAibN1NYvel5LymA028"

func main() { _ = os.Args }
