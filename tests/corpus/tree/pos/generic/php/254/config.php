<?php
$refreshpassword = "0l@u=F3~81Q*!WSc-@lVL30T";
