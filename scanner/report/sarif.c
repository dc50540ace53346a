/* SARIF 2.1.0 printer (stub until the triage work lands). */
#include "report/report.h"

int kh_write_sarif(const keyhound_report *r, FILE *out, const keyhound_write_options *o)
{
	return kh_error(KEYHOUND_EINVAL, "--format sarif is not supported yet");
}
