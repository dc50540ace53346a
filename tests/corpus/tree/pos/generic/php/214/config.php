<?php
$servicetoken = "17dAIsuuCDXc8z_w3ghbcA0hnXgpTZmrSfL8qLY";
