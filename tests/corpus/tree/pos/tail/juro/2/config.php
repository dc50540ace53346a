<?php
return [
    'juro_api_key' => '4889ff067ae5ffc54d3b03e50bd19f38',
];
