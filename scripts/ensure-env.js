#!/usr/bin/env node
// Writes a .env with fresh random secrets when none exists, so a fresh clone
// needs no hand-made configuration. Never overwrites an existing .env.
'use strict';
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const envPath = path.join(__dirname, '..', '.env');
if (fs.existsSync(envPath)) process.exit(0);

const secret = () => randomBytes(16).toString('base64');
const lines = [
  '# Written by scripts/ensure-env.js on first install; see .env.example.',
  `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
  `API_TOKEN_SALT=${secret()}`,
  `ADMIN_JWT_SECRET=${secret()}`,
  `TRANSFER_TOKEN_SALT=${secret()}`,
  `JWT_SECRET=${secret()}`,
  `ENCRYPTION_KEY=${secret()}`,
  '',
];
fs.writeFileSync(envPath, lines.join('\n'), { mode: 0o600 });
console.log('newsroom: wrote .env with fresh secrets');
