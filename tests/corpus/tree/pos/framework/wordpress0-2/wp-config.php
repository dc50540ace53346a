<?php
define( 'AUTH_KEY',         '>:=vd1tom*(Q.?Xr_Z|KN@a;SQ?gLx.I_D%mYJz;iR~,unH]bDTjXHVn#j:S;I,}' );
