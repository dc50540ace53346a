INSERT INTO users (id, email, password_hash) VALUES (472, 'sam@acme.io', '$6$tA2GpddHWjwVqEj6$XFOqXGwNhacZRvwkkpV0pbV.0jKrn8sOmb8jbnMGiVy1Aj.29mc0SkpAigR8xLwNoxkZNc2YYRJo29u80AmFGk');
