<?php
return [
    'feedier_api_key' => 'EUJC56TLVMOcsUMT204UzyIwpvoM9dsz14yrcPNz',
];
