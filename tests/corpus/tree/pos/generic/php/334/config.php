<?php
$backendtoken = "zplfnjFqYv3BYlpzfhGdcnyiXfz5saU9nmVB";
