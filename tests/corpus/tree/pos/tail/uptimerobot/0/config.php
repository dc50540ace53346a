<?php
return [
    'uptimerobot_api_key' => 'u7589486-6ef6e1fd5562c07dfef415aa',
];
