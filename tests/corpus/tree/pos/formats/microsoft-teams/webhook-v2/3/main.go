package main

import "os"

const teamsWebhookUrl = "https://acme.webhook.office.com/webhookb2/9287ef98-a85a-47e3-ae8b-45eebdf68188@bd8b6910-89d6-4855-b297-87c3deea808c/IncomingWebhook/498e43461ba5670088eb52ccd5348fd9/caf20b60-499a-4208-9b69-cf791236028d/V2P6PiHPABxvRYsUoHOZdmVNCFyk8LUpMdPK5NvxN0QaL"

func main() { _ = os.Args }
