<?php
$analyticsApiKey = "LbYtYIgHz64U3OW3IBVj5s0dYNh";
