<?php
return [
    'doppler_service_account_token' => 'dp.sa.NdU4rdyw20Y1pxqmXJYXGwZk0CFjxUWvZnqLiEIUadx',
];
