<?php
return [
    'crypt' => [
        'key' => 'e642edaae7754b217cea69b87b1d35e8'
    ],
];
