<?php
$ingestAccessToken = "hVp5BAynmthnZGYStlfSTDfA4l1";
