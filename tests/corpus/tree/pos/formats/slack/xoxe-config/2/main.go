package main

import "os"

const slackConfigToken = "xoxe.xoxp-1-PLrvTJ8CJB2kQEDCaqcs3SGhQOCMfUrbqxEryauesYQN6q34e8P6IVoP8whZordh5xPfxJz3WyMRIWg584LJSgwzx6ODC1K1oIYick8FIzweBBqMwoGspBt1x39IZchWMDDiirU1bQtrkOyvfZ"

func main() { _ = os.Args }
