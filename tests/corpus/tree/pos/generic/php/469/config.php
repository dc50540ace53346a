<?php
$storageApiKey = "8181270388b3aad828502c2d685b96564cbffa74";
