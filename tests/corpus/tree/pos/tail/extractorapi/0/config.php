<?php
return [
    'extractorapi_api_key' => '4d455fcab03ee300cc7adc26daa68289d372af3d',
];
