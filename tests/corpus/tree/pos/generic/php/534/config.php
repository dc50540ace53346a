<?php
$accesskey = "659a2fa670147619d3181e1d768bdef5";
