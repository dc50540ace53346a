<?php
return [
    'github_oauth_token' => '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',
];
