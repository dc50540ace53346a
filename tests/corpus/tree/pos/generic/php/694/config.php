<?php
$slacksecret = "l6aFBOXW9hS4YFDYJ8dB4T2iJ4hV2Ad5pA2sh4afZm0";
