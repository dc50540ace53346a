package main

import "os"

const sumoHttpSource = "https://endpoint4.collection.us2.sumologic.com/receiver/v1/http/9iQIluMSxWU60Ikhdo0MSq_geP2U0kAro1jwbup4YeiADHEppu8Z371bz1-eUIzYBCo5WPvdU8ouBOdby7JjScBK9fBwGmo3AFK75u5_SPWFRUYTgUKFhUvlvQjqzHHNDnNy1eijfaVfTklHpvuSZ5=="

func main() { _ = os.Args }
