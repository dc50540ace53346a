<?php
return [
    'nasa_api_key' => '4rNbH5omesnEgyYjUa7z8N2FNIp1bVzYxO3l3nrA',
];
