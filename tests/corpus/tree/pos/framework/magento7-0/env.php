<?php
return [
    'crypt' => [
        'key' => '768c1442cd5a76cbe58cf2d05da39290'
    ],
];
