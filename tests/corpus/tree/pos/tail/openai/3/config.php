<?php
return [
    'openai_service_account_key' => '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',
];
