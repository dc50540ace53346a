package main

import "os"

const storecoveApiKey = "gQbO0XGbnoLg5PWP0ytJeNJp8sEyrgAqeFLKGwcLiSX"

func main() { _ = os.Args }
