<?php
$config = [
    'components' => [
        'request' => [
            'cookieValidationKey' => 'zdD57pH6MpIpl07l6U6gp8OOmAAT0cfW',
        ],
    ],
];
