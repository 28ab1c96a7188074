import type { Schema } from './api.ts';

/** The organization's policy, beside which a job's overrides are edited. */
export type OrgPolicy = Schema<'Policy'>;
type EscalationStep = OrgPolicy['escalation'][number];

/** The number fields a job may override, with their words. */
export const NUMBER_FIELDS = [
  {
    key: 'defaultPromiseBusinessDays',
    label: 'Response window when no promise was made',
    unit: 'business days',
  },
  { key: 'reminderLeadBusinessDays', label: 'Remind the owner before the due date', unit: 'business days' },
  {
    key: 'phoneFirstBusinessDays',
    label: 'Final-stage outcomes wait for a phone call',
    unit: 'business days',
  },
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number]['key'];

/** Whom an escalation step tells, in words. */
export const ESCALATE_TO: Record<string, string> = {
  hiring_manager: 'the hiring manager',
  recruiter: 'the recruiter',
  admins: 'the admins',
};

/** A job's policy overrides as typed in the editor (text as typed, so nothing is lost on a refusal). */
export interface PolicyDraft {
  numbers: Record<NumberField, string>;
  hours: { on: boolean; start: string; end: string };
  escalation: { on: boolean; steps: { afterBusinessDays: string; to: string }[] };
  /** The written promise after each interview: off for this job only with a reason. */
  writtenPromise: { off: boolean; reason: string };
}

/** The editor's draft of a job's overrides; a field the job does not override shows the organization's. */
export function draftOf(org: OrgPolicy, overrides: Record<string, unknown>): PolicyDraft {
  // The job's overrides were validated against the policy's schema when saved.
  const hours = overrides.businessHours as { start: string; end: string } | undefined;
  const ladder = overrides.escalation as EscalationStep[] | undefined;
  const written = overrides.writtenPromise as { send: boolean; reason?: string } | undefined;
  return {
    writtenPromise: { off: written?.send === false, reason: written?.reason ?? '' },
    numbers: Object.fromEntries(
      NUMBER_FIELDS.map((f) => [f.key, overrides[f.key] === undefined ? '' : String(overrides[f.key])]),
    ) as Record<NumberField, string>,
    hours: { on: hours !== undefined, ...(hours ?? org.businessHours) },
    escalation: {
      on: ladder !== undefined,
      steps: (ladder ?? org.escalation).map((s) => ({
        afterBusinessDays: String(s.afterBusinessDays),
        to: s.to,
      })),
    },
  };
}

/** What the draft overrides; fields left empty (or unticked) inherit the organization's policy. */
export function overridesOf(d: PolicyDraft, keep: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...keep };
  for (const f of NUMBER_FIELDS) {
    const v = d.numbers[f.key].trim();
    if (v === '') delete out[f.key];
    // Sent as typed (a number when it is one) so the server's message names the real problem.
    else out[f.key] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  if (d.hours.on) out.businessHours = { start: d.hours.start, end: d.hours.end };
  else delete out.businessHours;
  if (d.escalation.on)
    out.escalation = d.escalation.steps.map((s) => ({
      afterBusinessDays: /^\d+$/.test(s.afterBusinessDays.trim())
        ? Number(s.afterBusinessDays)
        : s.afterBusinessDays,
      to: s.to,
    }));
  else delete out.escalation;
  // Sent as typed: a blank reason comes back as reason_required, shown beside the field.
  if (d.writtenPromise.off) out.writtenPromise = { send: false, reason: d.writtenPromise.reason };
  else delete out.writtenPromise;
  return out;
}
