#define REPO_URL_WITH_PASS "https://acme-test:TKnKLvr2IRmGltrIQ1wW@bitbucket.org/acme-test/testrepo.git"
