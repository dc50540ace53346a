package main

import "os"

const teamworkcrmApiKey = "tkn.v1_wZ5QfYAzVBkKry2RJBc5ca9OsXG23jyV7WgVdBoGO8B3V95DiMmmZqUnOFEj"

func main() { _ = os.Args }
