<?php
return [
    'gtmetrix_api_key' => '7802225d1f24a16f0f2267543a81e045',
];
