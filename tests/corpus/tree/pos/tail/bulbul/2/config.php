<?php
return [
    'bulbul_api_key' => '7ddfb30079206c911226f81072e6352b',
];
