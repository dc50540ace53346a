<?php
/* MySQL settings */
define( 'DB_NAME', 'wp3' );
define( 'DB_USER', 'marta' );
define( 'DB_PASSWORD', 'P@ssw0rd' );
define( 'DB_HOST', 'localhost' );
$table_prefix = 'wp_';
