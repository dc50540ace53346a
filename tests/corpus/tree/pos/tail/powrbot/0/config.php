<?php
return [
    'powrbot_api_key' => 'BIewvVct9hBkiMKVjGKJReMCJIW0JCAMBIaiC87h',
];
