region = "eu-central-1"
zohocrm_refresh_token = "1000.44d67f8677d792df7335c21980ab35b6.28cf313a52722d3c247c89288acf51e0"
