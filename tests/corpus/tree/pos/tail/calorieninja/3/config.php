<?php
return [
    'calorieninja_api_key' => 'J+WfB77MqC0cidKBH8syT4byBMh1G1hw3aeGhEh1',
];
