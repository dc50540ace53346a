const client_secret = 'vocab_size';
