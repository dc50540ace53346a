<?php
class Encryption extends BaseConfig
{
    public string $key = 'hex2bin:2b86fd38836fcc758cd1120a7193f3a7df5213f27a7a52779a20226d6dae4d1f';
}
