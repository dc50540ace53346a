const token = 'useAuthToken';
