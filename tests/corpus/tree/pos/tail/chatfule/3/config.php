<?php
return [
    'chatfule_broadcast_token' => 'ENjyZl3YaBygOF9TytO13Onz5oaA3b7xAx4XfJymwG989qfkLWVy3HIEzbXZl3PL',
];
