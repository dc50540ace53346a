<?php
return [
    'shutterstockoauth_oauth_token' => 'v2/bKLlgVg1+JurnpSLHB5z718DC+Ot2OaVeqE2Sl1t6vsI0l7XFxfNiMNtvCynuGD1/sYhjN+id2yUVxC/e3g90mX8wj2kXZ0FC07OG35Pl6TkCjOh437q4mNvpKxM++YXGrcd9/clBZSGaJCsBralKOxsgb+zXlSqksXFvNpLAk5KwPpvTZiYe19isfTFrwx29sgAy07vw525BE3eI42xJ3lt2HzhPS8LMxoOX0V88xHViV+LYjSDCt4b+ozV7MFS',
];
