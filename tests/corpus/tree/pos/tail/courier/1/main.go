package main

import "os"

const courierAuthToken = "pk_prod_ELANLJW3U7BP5AT6H1VIC0M0XXPA"

func main() { _ = os.Args }
