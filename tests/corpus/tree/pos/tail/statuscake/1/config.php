<?php
return [
    'statuscake_api_key' => 'BaIQnAxIoiiw2Sf6CR5a',
];
