<?php
return [
    'facebook_app_secret' => '3a59eb950c692b2d5a700730aa84e6d9',
];
