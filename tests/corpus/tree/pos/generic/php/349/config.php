<?php
$billingKey = "14AvWVFe4x8x7yRqvgup9BXclB9FJIrtH";
