<?php
return [
    'vpnapi_key' => '7afe201b8cc79977242339949eb838fd',
];
