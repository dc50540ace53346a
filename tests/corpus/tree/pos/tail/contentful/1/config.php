<?php
return [
    'contentful_management_token' => 'CFPAT-VjOEy-cx9ae_oVSH0nEf42IGejqR7Jwtk7rS5ExDVC5',
];
