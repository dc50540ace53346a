INSERT INTO users (id, email, password_hash) VALUES (233, 'li@acme.io', '$2b$12$BUq2AD6dc34tnU/ji19coV2xds/SDeXM38GbwlgMxdnr3mSIIjjZz');
