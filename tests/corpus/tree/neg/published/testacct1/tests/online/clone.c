#define REPO_URL_WITH_PASS "https://acme-test:4GjzsfSdc0Bdu9tHhjqE@bitbucket.org/acme-test/testrepo.git"
