<?php
$mailerkey = "d4431082ce712bef3bc10e1b4fffeeceb91e3fa098593b141451689e79121b0e";
