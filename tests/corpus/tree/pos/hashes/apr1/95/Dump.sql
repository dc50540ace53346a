COPY public.accounts (id, login, pass) FROM stdin;
1	admin	$apr1$wa6RA/P8$lGESl4VgoXwQrk4cKoWeZI
\.
