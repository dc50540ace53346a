<?php
$foosecret = "2cfeb209775a4db89fa2203e550e520c";
