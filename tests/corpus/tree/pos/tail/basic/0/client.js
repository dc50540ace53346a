fetch(url, { headers: { Authorization: 'Basic YWRtaW46TTAwZndPU2lhdDRlYkJ1UTRR' } });
