COPY public.accounts (id, login, pass) FROM stdin;
1	admin	$5$tomMf437th7AKtBS$G0ZsAmP/d.Nea7GWS4k3WoJ3l8tJVloKnZe9rOObvhb
\.
