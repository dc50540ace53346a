<?php
$ordersSecret = "y7vuT2jL77DDbbGk6CqkXPKuskKM5b";
