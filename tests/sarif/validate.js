#!/usr/bin/env node
// Validate SARIF files against the official SARIF 2.1.0 schema (rtm.5, JSON Schema
// draft-04), as carried by @microsoft/jest-sarif. Exit 0 when every file is valid,
// 1 when one is not (its errors are printed), 77 when setup.sh has not been run.
'use strict';
const fs = require('fs');

let Ajv, addFormats, schema;
try {
  Ajv = require('ajv-draft-04');
  addFormats = require('ajv-formats');
  schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
} catch (e) {
  console.error('validate.js: the SARIF schema is not installed (run tests/sarif/setup.sh): ' + e.message);
  process.exit(77);
}

// unicodeRegExp off: the schema's pattern for "language" is not valid with the u flag
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: validate.js FILE.sarif...');
  process.exit(2);
}
let bad = 0;
for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    bad++;
    continue;
  }
  if (!validate(doc)) {
    bad++;
    for (const err of validate.errors.slice(0, 20))
      console.error(`${file}: ${err.instancePath || '/'} ${err.message} ${JSON.stringify(err.params)}`);
    continue;
  }
  const results = doc.runs.reduce((n, run) => n + (run.results || []).length, 0);
  console.log(`${file}: valid SARIF 2.1.0 (${results} results)`);
}
process.exit(bad ? 1 : 0);
