region = "eu-central-1"
vendorpassword = "D6qrIuMudKmyIyaqXc6UfYIXqLzg98cu7KNwjtSYiCSI7s"
