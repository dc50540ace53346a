<?php
/* MySQL settings */
define( 'DB_NAME', 'wp2' );
define( 'DB_USER', 'build' );
define( 'DB_PASSWORD', 'password123' );
define( 'DB_HOST', 'localhost' );
$table_prefix = 'wp_';
