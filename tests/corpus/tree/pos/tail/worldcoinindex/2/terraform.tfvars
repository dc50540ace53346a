region = "eu-central-1"
worldcoinindex_key = "LwUjriOZvGDi34TE3t3HY8befnLVKeshdJH"
