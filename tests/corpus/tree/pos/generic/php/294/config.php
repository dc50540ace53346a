<?php
$backendsecret = "uNz74f7oZRmwGvRhVj36iNAOC";
