const signing_key = 'read:org';
