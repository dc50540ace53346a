# SPDX-License-Identifier: Apache-2.0
"""HCP Terraform (Terraform Cloud): GET https://app.terraform.io/api/v2/account/details,
Authorization: Bearer <token>, Content-Type: application/vnd.api+json. API document:
https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account#get-your-account-details
(200 the user); https://developer.hashicorp.com/terraform/cloud-docs/api-docs#authentication
(401 {"errors": [{"status": "401", "title": "unauthorized"}]}); 429 past the rate limit
(https://developer.hashicorp.com/terraform/cloud-docs/api-docs#rate-limiting)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["app.terraform.io"]
LIVE = {tok("tfc-live-a", ALNUM, 14) + ".atlasv1." + tok("tfc-live", URLSAFE, 67): {"username": "acme-ci"}}
LIMITED = {tok("tfc-lim-a", ALNUM, 14) + ".atlasv1." + tok("tfc-limited", URLSAFE, 67)}
handle = simple("GET", "/api/v2/account/details", bearer, LIVE, LIMITED,
                lambda w: {"data": {"id": "user-V3R563qtJNcExAkN", "type": "users",
                                    "attributes": {"username": w["username"], "email": "ci@acme.example"}}},
                401, {"errors": [{"status": "401", "title": "unauthorized"}]},
                {"errors": [{"status": "429", "title": "Too many requests"}]},
                require={"Content-Type": "application/vnd.api+json"})
