<?php
$inventorySecret = "125e584a396c86aa4d57e6b684c5a4f3a9ac5d21";
