# example of the prod config below
TOKEN = "glpat-_RI-eTi1zQP-dj-3Kvd4"
