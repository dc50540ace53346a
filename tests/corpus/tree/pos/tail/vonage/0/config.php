<?php
return [
    'vonage_api_secret' => 'QssoEH0tbnqN47vB',
];
