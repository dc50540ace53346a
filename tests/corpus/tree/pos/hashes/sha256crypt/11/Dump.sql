COPY public.accounts (id, login, pass) FROM stdin;
1	admin	$5$6HpCR48B0nMFIZWw$e00zLVKhlSwqDausFRRstRPhvT6qKWPOGT6yhF6cdOO
\.
