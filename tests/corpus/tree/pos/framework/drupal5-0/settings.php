<?php
$settings['hash_salt'] = 'IH16QaQfwjFu6foP-xSn2pOAGlCtHk1flecuhZmqQ7EJBPaQ8a4SBHcL096_A9iyxkbPxksmuZ';
