<?php
$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = 'smtp.acme.io';
$mail->SMTPAuth = true;
$mail->Username = 'noreply@acme.io';
$mail->Password = 'xx7FH0NGE7oR9xJJ';
