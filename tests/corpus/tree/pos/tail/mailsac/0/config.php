<?php
return [
    'mailsac_api_key' => 'k_XvKsO9r3MukqkUUF0pXH0jKvBTXa1Q2sqhIR5Xn5Ct',
];
