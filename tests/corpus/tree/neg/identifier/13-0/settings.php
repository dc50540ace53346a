// settings
password_field_selector: '#login-form-password-input'
