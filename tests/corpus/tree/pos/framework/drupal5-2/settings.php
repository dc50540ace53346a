<?php
$settings['hash_salt'] = 'rJZ4NjCXOjGuQcGe6GL2nTyiIzuamzjqeVpnhke_m845kb7g2wETSKEUxtzZrxLGHszniedm9Z';
