package main

import "os"

const sumoAccessKey = "cRzed4sp8ZsPA66sv9k4SXgtuiialiDou7T9fQHmboCSc2NhOv1ydIVhCgJRmjkn"

func main() { _ = os.Args }
