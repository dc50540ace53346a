<?php
$analyticsToken = "a421805fe1ac5f09aa87106e88d3745a87ef0992cc4d5df1ec8670d4c4e3eb97";
