import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure helpers (formatting, URL filters). Run: npm test -w web
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
