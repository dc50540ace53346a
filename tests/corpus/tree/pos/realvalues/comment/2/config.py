# example of the prod config below
TOKEN = "glpat-CZkpISRUE9YmdR2SHq-c"
