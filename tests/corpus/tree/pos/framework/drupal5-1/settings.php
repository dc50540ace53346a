<?php
$settings['hash_salt'] = 'D2FbQPtLz4P6meZX35zWWUq-iaglb_Tpr0pe2Qomzw5spnbLbSNjZSr2QmTCDxxoVICt1YHf6g';
