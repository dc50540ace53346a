<?php
return [
    'prodpad_api_key' => 'fee93991f3c6f648fd2206c32a4f15f599ef06fe9843f65a960a0b78b359d85a',
];
