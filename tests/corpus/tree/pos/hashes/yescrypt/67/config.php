<?php
$config['admin_hash'] = '$y$j9T$gl3iMajp1wwUD7bfzVGdLJ$xL8Oz28mbDE2bwJGlMbdCgc56tqtKj/U3f/eB3aS7wh';
