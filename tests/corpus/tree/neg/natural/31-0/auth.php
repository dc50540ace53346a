$credentials = 'secret-volume';
