<?php
return [
    'sslmate_api_key' => 'uRUjpFn0Sca1y0fK5dd6zmU823w0oM5mVlcZ',
];
