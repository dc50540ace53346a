$api_token = 'dependabot[bot]';
