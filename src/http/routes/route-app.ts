import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifySchema,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';

/**
 * The Fastify instance a route plugin registers on, typed by the zod provider: a plugin splits
 * its routes into small `registerX(app, deps)` functions that take it.
 */
export type RouteApp = Parameters<FastifyPluginAsyncZod>[0];

/** A route's method and path, written as the permission table writes them: `GET /placements/:id`. */
export type Endpoint = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

/** A route's handler, its request and reply typed by the route's zod schemas. */
export type OperationHandler<S extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  ZodTypeProvider,
  FastifyBaseLogger
>;

/** What differs from one API operation to the next; its OpenAPI id and endpoint come first. */
export interface Operation<S extends FastifySchema> {
  /** The one line the API reference shows. */
  summary: string;
  /** The reference's sections, when not the plugin's own. */
  tags?: string[];
  /** Path parameters, query string, body and responses (and any other OpenAPI detail). */
  schema: S;
  /** An upload's larger body limit; default the app's. */
  bodyLimit?: number;
  handler: OperationHandler<S>;
}

/**
 * The declarer of a plugin's API operations: `route('GET /placements/:id', 'getPlacement', {
 * summary, schema, handler })` registers the route with its OpenAPI id, tags and summary in its
 * schema, so a route says only what is its own. Access is not declared here: ROUTE_PERMISSIONS holds
 * every route's permission in one table.
 */
export function routesOn(app: RouteApp, tags: string[]) {
  return <const S extends FastifySchema>(endpoint: Endpoint, operationId: string, op: Operation<S>): void => {
    const [method, url] = endpoint.split(' ') as [HTTPMethods, string];
    app.route<RouteGenericInterface, ContextConfigDefault, FastifySchema>({
      method,
      url,
      schema: { operationId, tags: op.tags ?? tags, summary: op.summary, ...op.schema },
      ...(op.bodyLimit === undefined ? {} : { bodyLimit: op.bodyLimit }),
      handler: op.handler as OperationHandler<FastifySchema>,
    });
  };
}
