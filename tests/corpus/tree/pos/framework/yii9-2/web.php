<?php
$config = [
    'components' => [
        'request' => [
            'cookieValidationKey' => 'jf5Sw-LX2HXWQx7mxqvy_iolCyynmrwj',
        ],
    ],
];
