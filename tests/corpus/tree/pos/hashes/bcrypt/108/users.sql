INSERT INTO users (id, email, password_hash) VALUES (101, 'li@acme.io', '$2y$13$OXCyGi0VK07Uk3EarC7M69rIHaipvJgN4tyfpHLYHKgZiF3ArvkWe');
