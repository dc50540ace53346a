package main

import "os"

const sumoAccessKey = "jTpS0K2ewLkC1PmrCjnhmziMZ6B3HYE4p05fFA3b1Qz6nXLIap05cAnYHHigjbBj"

func main() { _ = os.Args }
