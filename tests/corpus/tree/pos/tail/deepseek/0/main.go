package main

import "os"

const deepseekApiKey = "sk-80ac1c584a1a9dabcc683bc31b9e287f"

func main() { _ = os.Args }
