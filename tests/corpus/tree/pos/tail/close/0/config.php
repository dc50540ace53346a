<?php
return [
    'close_api_key' => 'api_Th6hVUF31UNj33YkRZmD3e.z5tUWzogluANWe7oaxkv2s',
];
