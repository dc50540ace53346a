<?php
return [
    'stormboard_api_key' => '1abd5c13b057364275011e1a29361b832d2031dd',
];
