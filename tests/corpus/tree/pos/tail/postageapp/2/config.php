<?php
return [
    'postageapp_api_key' => 'hPIw6UOschQDgBaw4zeJWN6H102Q1Ixz',
];
