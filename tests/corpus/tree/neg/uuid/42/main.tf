  deviceid = "72864fcb-a83e-4681-83bc-948919f6de12"
