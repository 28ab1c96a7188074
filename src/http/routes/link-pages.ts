import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { RouteApp } from './route-app.ts';

/**
 * Ready a plugin of pages behind emailed links (sign-in, status page, client answer). They post
 * plain HTML forms, so only these plugins parse form bodies (the API takes JSON alone); the token
 * in their address must not leak in a Referer nor stay in a cache, so every answer says so.
 */
export async function prepareLinkPages(app: RouteApp): Promise<void> {
  await app.register(fastifyFormbody);
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    return payload;
  });
}

/** Answer with an HTML page. */
export function replyHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}
