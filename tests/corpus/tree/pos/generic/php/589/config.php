<?php
$searchApiKey = "f15b0b8d8198ebf1ad2eabf3ce68eba4";
