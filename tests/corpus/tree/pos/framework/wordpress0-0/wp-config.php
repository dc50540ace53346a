<?php
define( 'AUTH_KEY',         'M|B?88}0*Zw4a}ApiiB*(C6.,;x&]iA+^%FxSWFJY*OQTQg=o?Bk1+R;.oUHO?2q' );
