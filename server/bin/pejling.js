#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/pejling.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('Pejling is not built yet. Run `npm run build` in the repository root first.');
  process.exit(1);
}
await import(bundle);
