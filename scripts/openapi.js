#!/usr/bin/env node
'use strict';
// npm run openapi: writes openapi/content-api.json, the OpenAPI document of
// the REST API, with Strapi's own generator (what `strapi openapi generate`
// runs) and the one correction of src/lib/openapi-document.ts. A test checks
// that the committed document is current.
const fs = require('node:fs');
const path = require('node:path');
const { generate } = require('@strapi/openapi');
const { appDir, withStrapi } = require('./lib/boot-strapi');

const OUTPUT = path.join(appDir, 'openapi', 'content-api.json');

withStrapi(async (strapi) => {
  // The generator reads the mounted routes, as the CLI does.
  strapi.server.mount();
  const { openapiDocument } = require(path.join(appDir, 'dist', 'src', 'lib', 'openapi-document.js'));
  const document = openapiDocument(JSON.parse(JSON.stringify(generate(strapi, { type: 'content-api' }).document)));
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}: ${Object.keys(document.paths).length} paths`);
});
