import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * The Fastify instance a route plugin registers on, typed by the zod provider: a plugin splits
 * its routes into small `registerX(app, deps)` functions that take it.
 */
export type RouteApp = Parameters<FastifyPluginAsyncZod>[0];
