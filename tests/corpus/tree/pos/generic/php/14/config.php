<?php
$servicesecret = "ySMnLepkXeQk6Q6EZ3Kd9cT3bpMtIRQARi7jbuwdxp";
