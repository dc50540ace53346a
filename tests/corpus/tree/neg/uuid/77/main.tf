  correlationid = "4626f6a6-67ae-4a38-82e9-26f348bc6684"
