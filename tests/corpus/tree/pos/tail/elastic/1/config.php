<?php
return [
    'elastic_api_key' => 'eBntUI/+8l3uDmQlGmkL9hw4U/i1j2k/hrx46VtjnvbBVhi8xrGqxTyIcpOO==',
];
