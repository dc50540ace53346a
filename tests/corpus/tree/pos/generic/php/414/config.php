<?php
$deployapikey = "6bbe92e920f87f7751d5ba63e013dcb9c8aa9d03cdbd1f419f392861c5acb5b6";
