COPY public.accounts (id, login, pass) FROM stdin;
1	admin	$5$OWtJah1BrCPSsEty$iEhbvdNA6e61RKi/8A6pOPAv2Lt8gCM8qGdmu0/SgJk
\.
