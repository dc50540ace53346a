<?php
return [
    'zerotier_api_token' => '8K4BgHoTuMidcQW1Pg7LCP66KyX5bkqI',
];
