package main

import "os"

const blitappApiKey = "D9KbMGoWicV95F6jYc5maMTwgOl6th5LncrXujSu"

func main() { _ = os.Args }
