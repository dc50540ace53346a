EXAMPLE_KEY = "pk_test_TYooMQauvdEDq54NiTphI7jx"
