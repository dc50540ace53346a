<?php
$config['admin_hash'] = '$1$7CRAbY1W$1y3dIqtHlpFQZ8C0KrMhq9';
