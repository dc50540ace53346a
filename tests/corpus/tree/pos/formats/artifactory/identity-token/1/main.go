package main

import "os"

const jfrogAccessToken = "cmVmdGtuOjAxOjE3a086ttpiZIeNZiE40xaDvgKrOrDsWg51snbD4eSWVju7cH5b"

func main() { _ = os.Args }
