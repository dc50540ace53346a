<?php
$uploadkey = "3pOOOHjQrb13MJQpV6rtp74nt2x";
