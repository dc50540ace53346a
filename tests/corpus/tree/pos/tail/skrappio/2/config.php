<?php
return [
    'skrappio_api_key' => 'FfLFVY6DC9xr9iM5pYaYWL6YwF0UCyzD8pMTWzus',
];
