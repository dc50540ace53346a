fetch(url, { headers: { Authorization: 'Basic ZGVwbG95OlFKOU80Y2oycmdKVmpJTkdraw==' } });
