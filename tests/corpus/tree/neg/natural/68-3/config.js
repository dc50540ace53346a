const signing_key = 'ci-service-account';
