<?php
$config = [
    'components' => [
        'request' => [
            'cookieValidationKey' => '1JO1yEvHpbGNNywGKEucvy8mPpIAzpT9',
        ],
    ],
];
