<?php
return [
    'crypt' => [
        'key' => '84cd1cb5974875027b72bd9aac048906'
    ],
];
