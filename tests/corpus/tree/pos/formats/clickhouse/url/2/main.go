package main

import "os"

const clickhouseUrl = "clickhouse://default:b4pkWI3adndtygui@lgysxkqlb5.eu-west-1.aws.clickhouse.cloud:9440/default?secure=true"

func main() { _ = os.Args }
