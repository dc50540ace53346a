<?php
return [
    'urlscan_api_key' => '97b463c8-315e-40de-84f1-f5b130f586e3',
];
