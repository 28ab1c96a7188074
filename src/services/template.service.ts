import { checkMessage, type MessageCheck } from '../domain/message-check/index.ts';
import { DEFAULT_TEMPLATES } from '../domain/template-copy.ts';
import {
  renderTemplate,
  sampleContext,
  TEMPLATE_KEYS,
  TEMPLATE_VARIABLES,
  validateTemplate,
  type RenderedEmail,
  type TemplateKey,
  type TemplateSource,
} from '../domain/template-engine.ts';
import { errors } from '../errors.ts';
import {
  deleteTemplate,
  findTemplate,
  listTemplates,
  upsertTemplate,
} from '../repositories/template.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { pageOfArray, type Page, type PageQuery } from './pagination.ts';

/** A template as the settings screen shows it. */
export interface TemplateView extends TemplateSource {
  key: TemplateKey;
  customised: boolean;
  variables: string[];
  updatedAt: Date | null;
}

const CHECK_KIND: Partial<Record<TemplateKey, 'rejection' | 'advance' | 'update'>> = {
  rejection: 'rejection',
  advance: 'advance',
  offer: 'advance',
  update: 'update',
  // What happens next, who, and by when: the parts of an advance (the timeline must be there).
  written_promise: 'advance',
};

/** Every template of the organization: its own versions, defaults for the rest. */
export async function listTemplatesView(deps: ServiceDeps, orgId: string): Promise<TemplateView[]> {
  const custom = new Map((await listTemplates(deps.db.tenant(orgId), orgId)).map((t) => [t.key, t]));
  return TEMPLATE_KEYS.map((key) => {
    const own = custom.get(key);
    return {
      key,
      subject: own?.subject ?? DEFAULT_TEMPLATES[key].subject,
      body: own?.body ?? DEFAULT_TEMPLATES[key].body,
      customised: own !== undefined,
      variables: TEMPLATE_VARIABLES[key],
      updatedAt: own?.updatedAt ?? null,
    };
  });
}

/** Every template of the organization, a page at a time (in the order of TEMPLATE_KEYS). */
export async function listTemplatesPage(
  deps: ServiceDeps,
  orgId: string,
  query: PageQuery,
): Promise<Page<TemplateView>> {
  return pageOfArray(await listTemplatesView(deps, orgId), query);
}

function invalid(result: { ok: false; errors: string[] }): never {
  throw errors.validation(`The template is invalid: ${result.errors.join('; ')}`, {
    errors: result.errors.map((message) => ({ path: 'body', message })),
  });
}

/** Save the organization's version of a template, after validating it (syntax, variables, limits). */
export async function saveTemplate(
  deps: ServiceDeps,
  orgId: string,
  key: TemplateKey,
  source: TemplateSource,
): Promise<TemplateView> {
  const result = validateTemplate(key, source);
  if (!result.ok) invalid(result);
  const saved = await upsertTemplate(deps.db.tenant(orgId), orgId, { key, ...source }, deps.clock.now());
  return {
    key,
    subject: saved.subject,
    body: saved.body,
    customised: true,
    variables: TEMPLATE_VARIABLES[key],
    updatedAt: saved.updatedAt,
  };
}

/** Go back to the default. */
export async function resetTemplate(
  deps: ServiceDeps,
  orgId: string,
  key: TemplateKey,
): Promise<TemplateView> {
  await deleteTemplate(deps.db.tenant(orgId), orgId, key);
  return {
    key,
    ...DEFAULT_TEMPLATES[key],
    customised: false,
    variables: TEMPLATE_VARIABLES[key],
    updatedAt: null,
  };
}

/** Render a template (the given one, else the organization's) on sample data and check it: the live preview. */
export async function previewTemplate(
  deps: ServiceDeps,
  orgId: string,
  key: TemplateKey,
  source: TemplateSource | undefined,
): Promise<RenderedEmail & { check: MessageCheck | null }> {
  const saved = source ? null : await findTemplate(deps.db.tenant(orgId), orgId, key);
  const template = source ?? (saved ? { subject: saved.subject, body: saved.body } : DEFAULT_TEMPLATES[key]);
  const result = validateTemplate(key, template);
  if (!result.ok) invalid(result);
  const rendered = renderTemplate(template, sampleContext(key));
  const kind = CHECK_KIND[key];
  return { ...rendered, check: kind ? checkMessage(kind, rendered.text) : null };
}
