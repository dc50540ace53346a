$auth_token = 'correct horse battery staple';
