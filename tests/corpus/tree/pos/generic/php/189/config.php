<?php
$metricsKey = "qG7kpPyHh7Dbh4oWSJ+rvifbdXjOIG7O5agGsmyd";
