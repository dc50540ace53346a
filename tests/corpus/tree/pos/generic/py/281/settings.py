import os

DEBUG = False
BILLING_KEY = "PjS-ikHheX2AcNEzJ6GnStgkjc3OTBmHXokd13L0iYU"
TIMEOUT = 21
