<?php
return [
    'centralstationcrm_api_key' => 'xQsQMjgkYijBnSmjvfsDkrSHgQm0DQ',
];
