<?php
$config['admin_hash'] = '$y$j9T$bOqPj4f6Ku7J9kaFyzJm.z$qDudB57g1HRsLKpu.Jtr4Cukxv2rJBRJC7tyWKef/sB';
