$signing_key = 'write:packages';
