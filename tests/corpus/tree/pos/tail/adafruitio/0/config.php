<?php
return [
    'adafruitio_aio_key' => 'aio_XXm5bPeIBhxeSVw4rcsSZWGXTJOb',
];
