/* .keyhound.yml: rules to disable or add, allowlists, baseline, limits.
 * (Stub until the triage work lands: no configuration file is read.) */
#include <stdlib.h>

#include "core/kh.h"

struct kh_config {
	int unused;
};

int kh_config_load(kh_config **out, const char *path)
{
	*out = NULL;
	return kh_error(KEYHOUND_EINVAL, "%s: configuration files are not supported yet", path);
}

void kh_config_free(kh_config *c)
{
	free(c);
}

bool kh_config_allows(const kh_config *c, const char *rule_id, const char *path,
		      const char *secret, size_t secret_len)
{
	return false;
}
