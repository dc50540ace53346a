<?php
return [
    'webscraping_api_key' => 'SEWwUP5MUeEldsr4U1WBqcosEMVzK39O',
];
