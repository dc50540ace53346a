$credentials = 'keystore.jks';
