COPY public.accounts (id, login, pass) FROM stdin;
1	admin	$apr1$ZNsYmAav$tHAIuLR8niAQCOVlYMYDSQ
\.
