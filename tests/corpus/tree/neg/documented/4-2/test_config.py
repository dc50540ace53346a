EXAMPLE_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
