<?php
return [
    'planyo_api_key' => '0d3bd505b033f0b3dc40b82638aa2e6ba5bb78332d1988903b196258827e1a',
];
