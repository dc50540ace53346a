<?php
return [
    'datadog_app_key' => 'a6b10b5c3668e11a8bf2b07a07d0e44257b0de72',
];
