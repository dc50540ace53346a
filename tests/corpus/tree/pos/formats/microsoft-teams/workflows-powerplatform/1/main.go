package main

import "os"

const teamsWorkflowUrl = "https://default244199591cf28710bfb3dd99aebc7c.51.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/6dc39ec0525b3496c0ad6015ba6d6371/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=8L40PI8GYvw1EklBf3B6BDdZSeURg3XZUHoMDkCH0vI"

func main() { _ = os.Args }
