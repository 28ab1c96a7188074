import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../clock.ts';
import { HolidayRegionSchema, TimeZoneSchema } from '../../domain/policy.ts';
import { previewPromise } from '../../services/promise-preview.ts';
import { routesOn } from './route-app.ts';
import { DateOrInstantSchema, ProseSchema, PromiseWarningSchema } from '../schemas.ts';

const HolidaysInput = z
  .union([z.string().regex(/^[A-Z]{2}(-[A-Za-z0-9]{1,10})?$/), HolidayRegionSchema])
  .transform((h) => (typeof h === 'string' ? { country: h.slice(0, 2), region: h.slice(3) || undefined } : h))
  .pipe(HolidayRegionSchema)
  .describe('A country such as "US", "DE-BY", or { country, region }.');

/** Promise previews: what a closing statement resolves to, without saving anything. */
export function promisesRoutes(clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    const route = routesOn(app, ['promises']);
    route('POST /promises/resolve', 'previewPromise', {
      summary: 'Resolve a closing statement to a due time (a preview: nothing is saved)',
      schema: {
        body: z.strictObject({
          text: ProseSchema(2000),
          at: DateOrInstantSchema('A plain date means the start of that day in `timeZone`.')
            .optional()
            .describe(
              'When the interview ended. Default: now. A plain date means the start of that day in timeZone.',
            ),
          timeZone: TimeZoneSchema,
          holidays: HolidaysInput.nullable().optional(),
          defaultBusinessDays: z.int().min(1).max(60).optional(),
        }),
        response: {
          200: z.object({
            dueAt: z.string(),
            dueDate: z.string(),
            timeZone: z.string(),
            resolution: z.enum(['parsed', 'policy_default']),
            rule: z.string(),
            matchedText: z.string().nullable(),
            warnings: z.array(PromiseWarningSchema),
            advice: z.array(z.string()),
          }),
        },
      },
      handler: (req) => previewPromise({ ...req.body, at: req.body.at ?? clock.now() }),
    });
  };
}
