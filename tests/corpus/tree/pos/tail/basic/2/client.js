fetch(url, { headers: { Authorization: 'Basic ZGVwbG95OlRUeUkxeTRCUnY4TmNaRTlnRA==' } });
