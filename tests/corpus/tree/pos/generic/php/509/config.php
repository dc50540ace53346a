<?php
$crmSecret = "wApJkqBVlKGtOECBZP4IghGVXZaw3XloAwuaXpCrcFWr";
