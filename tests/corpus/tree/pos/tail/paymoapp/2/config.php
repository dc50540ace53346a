<?php
return [
    'paymoapp_api_key' => 'YDCBuGHwxaWZp7RJDQaEhpySJ2tJE4l1QG7O5YuN',
];
