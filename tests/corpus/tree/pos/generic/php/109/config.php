<?php
$crmAccessToken = "f7929e53fc4e2004ff135bb50842e568fdca47a7";
