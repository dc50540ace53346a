<?php
$notifyToken = "vrRoJjMs3sxf61ufi1hgZyrjZ8CENED1r3rOLs2K8Ckmq";
