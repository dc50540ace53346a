INSERT INTO users (id, email, password_hash) VALUES (378, 'sam@acme.io', '$6$xRDA1umnRhDPfMRU$bpZHJpccRrCcyDU7QBf8kPO72RYHaBQern45gMwxtv7n284jMLnbTBFQNMjvozZam2VQT2Irol8pMQ0yX9MrvH');
