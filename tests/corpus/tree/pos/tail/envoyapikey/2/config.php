<?php
return [
    'envoyapikey_api_key' => 'ef5a734ae82c1b727fb5beb7cdd927d9',
];
