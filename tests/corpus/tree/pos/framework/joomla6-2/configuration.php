<?php
class JConfig {
	public $secret = 'yV0IVEMp3s8bUUGK';
	public $password = 'ZbmnU4yVyAwPs6JN';
}
