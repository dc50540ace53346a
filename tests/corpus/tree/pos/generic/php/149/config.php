<?php
$metricsApiKey = "eRIMuHFcQfhghku9P1hWbM9Qfk9j1Peee6GoM8op6xsci";
