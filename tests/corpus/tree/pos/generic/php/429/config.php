<?php
$billingKey = "3688bb2c03d5f8ab2f803e843d9692ccbeea10b1";
