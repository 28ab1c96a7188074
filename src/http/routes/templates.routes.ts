import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TEMPLATE_KEYS } from '../../domain/template-engine.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  listTemplatesPage,
  previewTemplate,
  resetTemplate,
  saveTemplate,
} from '../../services/template.service.ts';
import { routesOn } from './route-app.ts';
import { LineSchema, MessageCheckSchema, PageQuerySchema, pageOf, ProseSchema } from '../schemas.ts';

const KeyParams = z.strictObject({ key: z.enum(TEMPLATE_KEYS) });
const SourceSchema = z.strictObject({
  subject: LineSchema(200).describe('Liquid, one line.'),
  body: ProseSchema(20_000, 1).describe('Liquid; plain text, paragraphs separated by blank lines.'),
});
const TemplateSchema = z
  .object({
    key: z.enum(TEMPLATE_KEYS),
    subject: z.string(),
    body: z.string(),
    customised: z.boolean(),
    variables: z.array(z.string()),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'Template' });

/** Email templates: Liquid, sandboxed, per organization. */
export function templatesRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['templates'];
    const route = routesOn(app, tags);
    route('GET /templates', 'listTemplates', {
      summary: 'Every template (customised or default)',
      schema: { querystring: PageQuerySchema, response: { 200: pageOf(TemplateSchema) } },
      handler: (req) => listTemplatesPage(deps, req.principal.orgId, req.query),
    });
    route('PUT /templates/:key', 'replaceTemplate', {
      summary: 'Save a customised template (subject and body both required)',
      schema: { params: KeyParams, body: SourceSchema, response: { 200: TemplateSchema } },
      handler: (req) => saveTemplate(deps, req.principal.orgId, req.params.key, req.body),
    });
    route('DELETE /templates/:key', 'resetTemplate', {
      summary: 'Return to the default',
      schema: { params: KeyParams, response: { 200: TemplateSchema } },
      handler: (req) => resetTemplate(deps, req.principal.orgId, req.params.key),
    });
    route('POST /templates/:key/preview', 'previewTemplate', {
      summary: 'Render a template on sample data, with the message checks',
      schema: {
        params: KeyParams,
        body: SourceSchema.optional().describe(
          'A template to preview; send no body for the saved (or default) one.',
        ),
        response: {
          200: z.object({
            subject: z.string(),
            text: z.string(),
            html: z.string(),
            check: MessageCheckSchema.nullable(),
          }),
        },
      },
      handler: (req) => previewTemplate(deps, req.principal.orgId, req.params.key, req.body),
    });
  };
}
