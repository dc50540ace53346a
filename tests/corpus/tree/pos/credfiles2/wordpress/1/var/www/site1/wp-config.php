<?php
/* MySQL settings */
define( 'DB_NAME', 'wp1' );
define( 'DB_USER', 'ci' );
define( 'DB_PASSWORD', 'dragon' );
define( 'DB_HOST', 'localhost' );
$table_prefix = 'wp_';
