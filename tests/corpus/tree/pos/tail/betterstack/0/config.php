<?php
return [
    'betterstack_api_token' => 'h8U29Dv10RZ84m3wZVqEIWAC',
];
