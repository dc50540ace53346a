private val serviceSecret = "OXDTR43AH2pbmJrvsPrTccDXxktd"
