// SPDX-License-Identifier: Apache-2.0
// Validates Kubernetes objects (a JSON array, argv[2]) against the API's schemas with
// kubernetes-models (tests/ci/setup.sh installs it): exit 1 naming the first invalid one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const models = process.argv[3];
const docs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const kinds = {
  "batch/v1 CronJob": "batch/v1/CronJob.js",
  "batch/v1 Job": "batch/v1/Job.js",
  "v1 PersistentVolumeClaim": "v1/PersistentVolumeClaim.js",
  "v1 Secret": "v1/Secret.js",
};
let bad = 0;
for (const d of docs) {
  const key = `${d.apiVersion} ${d.kind}`;
  if (!kinds[key]) {
    console.error(`no model for ${key}`);
    bad = 1;
    continue;
  }
  const mod = await import(`${models}/${kinds[key]}`);
  const Model = mod[d.kind];
  try {
    new Model(d).validate();
    console.log(`valid: ${key} ${d.metadata && d.metadata.name}`);
  } catch (e) {
    console.error(`invalid: ${key} ${d.metadata && d.metadata.name}: ${e.message}`);
    bad = 1;
  }
}
process.exit(bad);
