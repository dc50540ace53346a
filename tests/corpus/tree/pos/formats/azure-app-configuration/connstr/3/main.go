package main

import "os"

const appConfigConnectionString = "Endpoint=https://cfg-shopans2.azconfig.io;Id=oi3d-0h-2x:6IVFHctnn4617SJClw2f;Secret=/1S7ohRPa+vGJc6odo6YqSFsvJayXjaiTOOqxmcSlOg="

func main() { _ = os.Args }
