<?php
$config['admin_hash'] = '$1$5NQbDY5v$sn5Nalx7.DVtvehQxX6JvA';
