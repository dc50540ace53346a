<?php
$config['admin_hash'] = '$y$j9T$K9GSEKHngNk1O6X6tGLKEc$cm../lN9SGpk6hG13n20mlOm62Hoc7MJMu1AZrzt1e6';
