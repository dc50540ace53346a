<?php
return [
    'hybiscus_api_key' => 'HaNpxxfdcBfaXplkO8MFdW',
];
