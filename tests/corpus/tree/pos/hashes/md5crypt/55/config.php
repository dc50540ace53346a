<?php
$config['admin_hash'] = '$1$zlE2P7kP$qgMQYamRil31GqqmgpnxYx';
