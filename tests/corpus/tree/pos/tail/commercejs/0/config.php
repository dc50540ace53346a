<?php
return [
    'commercejs_secret_key' => 'sk_36749022ce9182257283a2e5996a1f0f6d1bd851c0aacd8',
];
