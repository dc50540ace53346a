<?php
$serviceapikey = "e9627ea37d6ff710bd3435e6c7906dcf";
