import { buildServer } from '../bench/lib/server.js';

/** The suites start the built server; build it once from the current source first. */
export default function setup(): void {
  buildServer();
}
