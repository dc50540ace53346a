package main

import "os"

const sumoHttpSource = "https://endpoint4.collection.eu.sumologic.com/receiver/v1/http/YD7nfsAVlL-DAr9fcBKzjF20J8jeA4TVmwH5F80Yp8KdMBak2p5aRER3xwSl-cMZOaTuIEw6V9fyaJCE1lgH_q4kD57vRhwJrL6FpVAD0odiVlFsxqv2f0LkPd6IfkNS2PyAncGbCJvDGe1hY4Auva=="

func main() { _ = os.Args }
