# example of the prod config below
TOKEN = "glpat-NWCt5y54HqrmwcQeZ6uq"
