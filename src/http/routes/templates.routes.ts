import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TEMPLATE_KEYS } from '../../domain/templates.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  listTemplatesView,
  previewTemplate,
  resetTemplate,
  saveTemplate,
} from '../../services/template.service.ts';
import { MessageCheckSchema } from '../schemas.ts';

const KeyParams = z.strictObject({ key: z.enum(TEMPLATE_KEYS) });
const SourceSchema = z.strictObject({
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(20_000),
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
          tags,
          summary: 'Every template (customised or default)',
          response: { 200: z.array(TemplateSchema) },
        },
      },
      (req) => listTemplatesView(deps, req.principal.orgId),
    );
    app.put(
      '/templates/:key',
      {
        schema: {
          tags,
          summary: 'Save a customised template',
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
          tags,
          summary: 'Render a template on sample data, with the message checks',
          params: KeyParams,
          body: SourceSchema.nullish().describe(
            'A template to preview; omit for the saved (or default) one.',
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
      (req) => previewTemplate(deps, req.principal.orgId, req.params.key, req.body ?? undefined),
    );
  };
}
