<?php
return [
    'replyio_api_key' => 'Yp8OluTVJoJ8lYcROuVMgDR4',
];
