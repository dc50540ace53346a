<?php
$config['admin_hash'] = '$1$YZ5QHzG2$M3Ji4hev.EyqnNHnCQDe7y';
