tenant_id = "d27ace1b-51bc-4330-8d8a-6bc469b60a4a"
