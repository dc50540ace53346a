secret = 'passwordResetToken'
