<?php
$fooaccesstoken = "aa4e1eef9b4c81f2a9e00a52529a3444";
