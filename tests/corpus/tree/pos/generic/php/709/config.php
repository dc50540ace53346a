<?php
$deployKey = "Mo23lIB6ljqtX68BytVydHUhJB5";
