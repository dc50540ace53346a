<?php
return [
    'jfrog_reference_token' => 'cmVmdGtuOjAxOjvPMVSQgaJzG2Nyr0ForO2bG0DRXputrBsBLQcmooJmjB2jeFj2',
];
