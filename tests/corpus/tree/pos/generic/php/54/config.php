<?php
$deploykey = "bsgd9f1PQCE1MB2e1xqDZIwS8-3sefvg9j2bM3Yb4";
