<?php
$storageToken = "6b5dbe6d3ccef3ade1f295240aa55f8930939fc0";
