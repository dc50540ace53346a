COPY public.accounts (id, login, pass) FROM stdin;
1	admin	$5$e9s7KIi8HAoJbuW3$4qhDJf09p3CmAR8MKGMxAcJ62oAQTbb8/EmGDbW6v/p
\.
