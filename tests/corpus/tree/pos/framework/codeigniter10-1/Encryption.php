<?php
class Encryption extends BaseConfig
{
    public string $key = 'hex2bin:4fec6032537cb06cefa5077ed46695cae824d3ace99d0a2af2ea506dd42c370d';
}
