// server/src/http/context.ts augments Fastify's types; load them in programs that never import Fastify.
import type {} from 'fastify';
