<?php
/* MySQL settings */
define( 'DB_NAME', 'wp0' );
define( 'DB_USER', 'deploy' );
define( 'DB_PASSWORD', 'dragon' );
define( 'DB_HOST', 'localhost' );
$table_prefix = 'wp_';
