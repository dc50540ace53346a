instanceId = "7cce1ba5-bba3-4b24-93d3-7ecd16aeccde"
