const apiToken = '<secret>';
