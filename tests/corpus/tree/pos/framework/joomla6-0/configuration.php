<?php
class JConfig {
	public $secret = 'LR7y9cX4V6vWgCwV';
	public $password = 'Bb3OY1puQJiChBKX';
}
