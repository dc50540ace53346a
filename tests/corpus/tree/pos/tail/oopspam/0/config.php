<?php
return [
    'oopspam_api_key' => '1uFSeTn3iDRfretDoZpnkB8VfFJFTj5LzQieQTjU',
];
