<?php
$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = 'smtp.acme.io';
$mail->SMTPAuth = true;
$mail->Username = 'noreply@acme.io';
$mail->Password = 'KM9H6egPkZ8bCLG2';
