<?php
$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = 'smtp.acme.io';
$mail->SMTPAuth = true;
$mail->Username = 'noreply@acme.io';
$mail->Password = 'TecKx6g50QZrjo6U';
