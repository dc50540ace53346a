/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound_set_oom_handler: an allocation the system refuses reaches the caller's
 * handler with its size (here it exits with a code the parent checks), and without one
 * the library prints its message and aborts. Each case runs in a child process. Under
 * AddressSanitizer, whose allocator aborts on such a request itself, it is skipped. */
#include "kh_test.h"

#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/wait.h>

static size_t seen_size;

static void exit_handler(size_t size, void *payload)
{
	seen_size = size;
	_exit(*(int *)payload + (size > ((size_t)1 << 40) ? 1 : 0));
}

/* fork, run what in the child, return the child's wait status */
static int in_child(void (*what)(void))
{
	int status = 0;
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit rl = { (rlim_t)1 << 30, (rlim_t)1 << 30 }; /* 1 GiB of address space */
		setrlimit(RLIMIT_AS, &rl);
		what();
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static int code = 40;

static void huge_malloc(void)
{
	keyhound_set_oom_handler(exit_handler, &code);
	void *p = kh_malloc((size_t)1 << 41);
	free(p);
}

static void huge_realloc(void)
{
	keyhound_set_oom_handler(exit_handler, &code);
	void *p = kh_realloc(kh_malloc(16), (size_t)1 << 41);
	free(p);
}

static void default_handler(void)
{
	keyhound_set_oom_handler(exit_handler, &code);
	keyhound_set_oom_handler(NULL, NULL); /* back to the default: message and abort */
	int fd = open("/dev/null", O_WRONLY);
	dup2(fd, 2);
	void *p = kh_calloc((size_t)1 << 21, (size_t)1 << 20);
	free(p);
}

#if defined(__SANITIZE_ADDRESS__)
#define SKIP_UNDER_ASAN() skip()
#else
#define SKIP_UNDER_ASAN() (void)0
#endif

static void handler_gets_the_size(void **state)
{
	(void)state;
	SKIP_UNDER_ASAN();
	int st = in_child(huge_malloc);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 41); /* 40 + the size it was told is the huge one */
	st = in_child(huge_realloc);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 41);
}

static void default_aborts(void **state)
{
	(void)state;
	SKIP_UNDER_ASAN();
	int st = in_child(default_handler);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGABRT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(handler_gets_the_size),
		cmocka_unit_test(default_aborts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
