<?php
class JConfig {
	public $secret = 'ym04yO3VySjD8mhL';
	public $password = 'B5CoH5pQZ6kj4du6';
}
