COPY public.accounts (id, login, pass) FROM stdin;
1	admin	$apr1$96ixzQ1f$uD//5F3DdzizrVAEnJMSpF
\.
