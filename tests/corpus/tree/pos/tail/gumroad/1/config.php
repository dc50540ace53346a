<?php
return [
    'gumroad_access_token' => 'G13SVixW0NEV24L7fs2ZR3AQR0RMDGve1YnTTtjQRRd',
];
