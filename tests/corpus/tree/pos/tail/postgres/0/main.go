package main

import "os"

const postgresDatabaseUrl = "postgresql://dflrzx:ItYLJrlZtpJyZl6cWZTEQA@pg-rrddg.internal:5432/ooxlgb"

func main() { _ = os.Args }
