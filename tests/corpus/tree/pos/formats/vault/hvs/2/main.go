package main

import "os"

const vaultToken = "hvs.CAESIo_V3iWZbsyRmCNr_wrwhRF8gZ1i0JBubWtH8Qw0OHwTaWCe7IEXY8D6posgh_2C4pbRzFsPq_fl6b6MtTdtDkx"

func main() { _ = os.Args }
