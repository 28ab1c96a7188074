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
    app.get(
      '/templates',
      {
        schema: {
          operationId: 'listTemplates',
          tags,
          summary: 'Every template (customised or default)',
          querystring: PageQuerySchema,
          response: { 200: pageOf(TemplateSchema) },
        },
      },
      (req) => listTemplatesPage(deps, req.principal.orgId, req.query),
    );
    app.put(
      '/templates/:key',
      {
        schema: {
          operationId: 'replaceTemplate',
          tags,
          summary: 'Save a customised template (subject and body both required)',
          params: KeyParams,
          body: SourceSchema,
          response: { 200: TemplateSchema },
        },
      },
      (req) => saveTemplate(deps, req.principal.orgId, req.params.key, req.body),
    );
    app.delete(
      '/templates/:key',
      {
        schema: {
          operationId: 'resetTemplate',
          tags,
          summary: 'Return to the default',
          params: KeyParams,
          response: { 200: TemplateSchema },
        },
      },
      (req) => resetTemplate(deps, req.principal.orgId, req.params.key),
    );
    app.post(
      '/templates/:key/preview',
      {
        schema: {
          operationId: 'previewTemplate',
          tags,
          summary: 'Render a template on sample data, with the message checks',
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
      },
      (req) => previewTemplate(deps, req.principal.orgId, req.params.key, req.body),
    );
  };
}
