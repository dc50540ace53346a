package main

import "os"

const chatfuleBroadcastToken = "Ii1jjE7T8tXCBF1V0uBJ5CViwOsICOArLVm37MKYCuH0TCiv6IQl5iPUTtvsKzFK"

func main() { _ = os.Args }
