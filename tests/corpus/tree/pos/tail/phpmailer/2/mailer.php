<?php
$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = 'smtp.acme.io';
$mail->SMTPAuth = true;
$mail->Username = 'noreply@acme.io';
$mail->Password = 'GF6NN5LLl5MF8H2G';
