package main

import "os"

const cdnkey = "KPigWPzTnPXblsM7HZ966zxY8ZTRA-lpM-FTfZSj"

func main() { _ = os.Args }
