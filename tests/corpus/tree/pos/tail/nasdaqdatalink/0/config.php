<?php
return [
    'nasdaqdatalink_api_key' => 'hbfXO4uJw267i9d2oSaO',
];
