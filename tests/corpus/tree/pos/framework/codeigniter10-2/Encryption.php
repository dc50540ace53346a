<?php
class Encryption extends BaseConfig
{
    public string $key = 'hex2bin:292b6a6ad8373d85628b0492434e8291033ed0747b0e0c3cacb5c99663153b27';
}
