<?php
return [
    'commercejs_secret_key' => 'sk_61249a90cf9c4c632bb9f877a9ddce17ddd5757c4d12f72',
];
