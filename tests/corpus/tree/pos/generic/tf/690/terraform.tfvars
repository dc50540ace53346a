region = "eu-central-1"
authapikey = "X2ACJ451m0x9UPxpHUJJABxbX718TGpWUF6ETy355ehKZ90zr2SZekAWhTvOYuH/"
