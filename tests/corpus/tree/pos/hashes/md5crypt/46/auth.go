package auth

var adminHash = `$1$4Z4CX5ML$dONhBpsNtTIeVTQvxWAaPp`
