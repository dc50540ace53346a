<?php
$botsecret = "DPIA4&3k3l2o6ZJN=fW";
