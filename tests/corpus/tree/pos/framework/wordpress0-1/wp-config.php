<?php
define( 'AUTH_KEY',         '##ue8uQHGEjrlmx~,yykRZKg9fgC(?pb?h9(|t>ATvs0.~NdbG3|&c9-B@G;~K#D' );
