<?php
return [
    'flyio_api_token' => 'fo1_Qo6_aRCOPMrrH27uq5ojpWjZnkNVQ8SACJg5kUOZUqQ',
];
