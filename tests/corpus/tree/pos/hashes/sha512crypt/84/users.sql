INSERT INTO users (id, email, password_hash) VALUES (99, 'li@acme.io', '$6$QvUPRZ8h5cGWCLqt$6TKGFde6eP/sdIopk4RQe9D.9ao8ggkyC/B95A/dUs0ftvdX.1.UxC/adOQz.8FOtE8.w0FTueKUlsg41d4FsY');
