<?php
return [
    'paymongo_secret_key' => 'sk_live_ScHph2YnlouJxrE16ps0lAsx',
];
