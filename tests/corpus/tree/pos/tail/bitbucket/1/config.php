<?php
return [
    'bitbucket_app_password' => 'ATBBITIiqVZ89E7ZU1PptchTreBM9nTgF6033777',
];
