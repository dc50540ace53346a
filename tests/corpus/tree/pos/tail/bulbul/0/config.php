<?php
return [
    'bulbul_api_key' => 'd57c5d1c820be13827f3b2f02400ceac',
];
