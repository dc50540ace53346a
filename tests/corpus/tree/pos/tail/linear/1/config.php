<?php
return [
    'linear_api_key' => 'lin_api_zjdlATQD1tfFZVqvrH8Df6vgzJmidwCQqwTNQ37o',
];
