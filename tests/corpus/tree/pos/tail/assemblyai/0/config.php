<?php
return [
    'assemblyai_api_key' => '742a44b5e2a0c2200e7333554bdc786a',
];
