const token = 'SecretKeySpec';
