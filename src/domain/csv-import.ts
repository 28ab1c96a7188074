/**
 * CSV import rules (pure): which of an ATS export's columns mean what (a suggested mapping the
 * person can change), and turning one row into the job, candidate, application and interview it
 * describes — or into the reasons it cannot be imported. One row is one application, the shape
 * ATS exports have; a row is imported whole or not at all.
 */
import { DateTime } from 'luxon';
import { isValidTimeZone } from './business-time.ts';
import { isEmailAddress } from './email.ts';
import { APPLICATION_STATUSES, ROLE_KINDS, type ApplicationStatus, type RoleKind } from './model.ts';

/** The fields a column can be mapped to. */
export const IMPORT_FIELDS = [
  'job_external_id',
  'job_title',
  'job_role_kind',
  'candidate_external_id',
  'candidate_name',
  'candidate_first_name',
  'candidate_last_name',
  'candidate_email',
  'candidate_phone',
  'candidate_time_zone',
  'candidate_source',
  'application_external_id',
  'application_stage',
  'application_status',
  'interview_external_id',
  'interview_title',
  'interview_scheduled_at',
  'interview_ends_at',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → the column header it reads. */
export type ImportMapping = Partial<Record<ImportField, string>>;

// Header spellings seen in ATS exports (Greenhouse, Lever, Workable, Ashby, Personio …), compared
// after lower-casing and dropping everything but letters and digits.
const SYNONYMS: Record<ImportField, string[]> = {
  job_external_id: ['jobid', 'jobexternalid', 'requisitionid', 'reqid', 'postingid', 'openingid', 'jobcode'],
  job_title: [
    'jobtitle',
    'job',
    'jobname',
    'position',
    'positiontitle',
    'requisition',
    'requisitiontitle',
    'posting',
    'postingtitle',
    'role',
  ],
  job_role_kind: ['rolekind', 'jobrolekind', 'jobtype', 'jobcategory'],
  candidate_external_id: ['candidateid', 'candidateexternalid', 'personid', 'applicantid', 'profileid'],
  candidate_name: ['candidatename', 'name', 'fullname', 'applicantname', 'candidate'],
  candidate_first_name: ['firstname', 'candidatefirstname', 'givenname'],
  candidate_last_name: ['lastname', 'candidatelastname', 'surname', 'familyname'],
  candidate_email: ['email', 'emailaddress', 'candidateemail', 'applicantemail', 'emails'],
  candidate_phone: ['phone', 'phonenumber', 'mobile', 'candidatephone', 'telephone', 'phones'],
  candidate_time_zone: ['timezone', 'candidatetimezone', 'tz'],
  candidate_source: ['source', 'candidatesource', 'leadsource', 'sourcename', 'origin', 'referralsource'],
  application_external_id: ['applicationid', 'applicationexternalid', 'opportunityid'],
  application_stage: ['stage', 'currentstage', 'applicationstage', 'pipelinestage'],
  application_status: ['status', 'applicationstatus', 'state', 'disposition'],
  interview_external_id: ['interviewid', 'interviewexternalid', 'eventid'],
  interview_title: ['interview', 'interviewtitle', 'interviewname', 'interviewtype'],
  interview_scheduled_at: [
    'interviewdate',
    'interviewstart',
    'interviewscheduledat',
    'scheduledat',
    'interviewtime',
    'interviewstartsat',
    'starttime',
  ],
  interview_ends_at: ['interviewend', 'interviewendsat', 'endsat', 'interviewendtime', 'endtime'],
};

const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Suggest a mapping for a file's headers: each field takes the first header spelled like it. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const names = [normalize(field), ...SYNONYMS[field]];
    const header = headers.find((h) => !taken.has(h) && names.includes(normalize(h)));
    if (header !== undefined) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** Problems with a mapping itself (before any row is read). */
export function mappingProblems(mapping: ImportMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== undefined && !headers.includes(header)) {
      problems.push(`${field}: the file has no column "${header}"`);
    }
  }
  if (!mapping.job_title) problems.push('job_title: map a column to the job title');
  if (!mapping.candidate_name && !(mapping.candidate_first_name || mapping.candidate_last_name)) {
    problems.push('candidate_name: map a column to the name (or to first and last name)');
  }
  if (!mapping.candidate_external_id && !mapping.candidate_email) {
    problems.push(
      'candidate_external_id: map the candidate id or the email, so a re-run finds the same person',
    );
  }
  return problems;
}

/** What one row describes, cleaned. */
export interface ImportRow {
  job: { externalId: string | null; title: string; roleKind: RoleKind };
  candidate: {
    externalId: string | null;
    name: string;
    email: string | null;
    phone: string | null;
    timeZone: string | null;
    /** Where they came from; null keeps what a candidate already on file has. */
    source: string | null;
  };
  application: { externalId: string | null; stage: string | null; status: ApplicationStatus | null };
  interview: {
    externalId: string | null;
    title: string;
    scheduledAt: Date | null;
    endsAt: Date | null;
  } | null;
}

// Status words ATS exports use, to ours.
const STATUS_WORDS: Record<string, ApplicationStatus> = {
  active: 'active',
  open: 'active',
  inprogress: 'active',
  new: 'active',
  onhold: 'on_hold',
  hold: 'on_hold',
  paused: 'on_hold',
  offer: 'offered',
  offered: 'offered',
  offerextended: 'offered',
  hired: 'hired',
  placed: 'hired',
  rejected: 'rejected',
  declined: 'rejected',
  disqualified: 'rejected',
  archived: 'rejected',
  withdrawn: 'withdrawn',
  withdrew: 'withdrawn',
};

const MAX_TEXT = 500;
// The candidate's source is one short line (the column's own limit).
const MAX_SOURCE = 100;

/**
 * Read a date-time cell: ISO 8601 with an offset is an instant; a local `YYYY-MM-DD HH:mm` (or
 * `YYYY-MM-DDTHH:mm`, or `DD/MM/YYYY HH:mm` — never the ambiguous US order) is read in `zone`.
 */
export function parseImportDateTime(value: string, zone: string): Date | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const d = DateTime.fromISO(v, { setZone: true });
    return d.isValid ? d.toJSDate() : null;
  }
  for (const format of [
    'yyyy-MM-dd HH:mm',
    "yyyy-MM-dd'T'HH:mm",
    'yyyy-MM-dd HH:mm:ss',
    "yyyy-MM-dd'T'HH:mm:ss",
    'dd/MM/yyyy HH:mm',
    'dd.MM.yyyy HH:mm',
  ]) {
    const d = DateTime.fromFormat(v, format, { zone });
    if (d.isValid) return d.toJSDate();
  }
  return null;
}

/** Reads one trimmed cell by field (null when empty); an over-long cell is cut and reported. */
type CellReader = (field: ImportField) => string | null;

/** A reader of the row's cells through the mapping, pushing a length error for an over-long cell. */
function cellReader(cells: Record<string, string>, mapping: ImportMapping, errors: string[]): CellReader {
  return (field) => {
    const header = mapping[field];
    const value = header === undefined ? undefined : cells[header];
    const trimmed = value?.trim() ?? '';
    if (trimmed.length > MAX_TEXT) {
      errors.push(`${field}: longer than ${MAX_TEXT} characters`);
      return trimmed.slice(0, MAX_TEXT);
    }
    return trimmed === '' ? null : trimmed;
  };
}

/** The job's title and role kind from the row; null where a reason was recorded. */
function readJobCells(
  get: CellReader,
  errors: string[],
): { jobTitle: string | null; roleKind: RoleKind | null } {
  const jobTitle = get('job_title');
  if (!jobTitle) errors.push('job_title: empty');
  const roleKindText =
    get('job_role_kind')
      ?.toLowerCase()
      .replace(/[\s-]+/g, '_') ?? 'other';
  const roleKind = (ROLE_KINDS as readonly string[]).includes(roleKindText)
    ? (roleKindText as RoleKind)
    : null;
  if (!roleKind) errors.push(`job_role_kind: "${roleKindText}" is not one of ${ROLE_KINDS.join(', ')}`);
  return { jobTitle, roleKind };
}

/** The candidate's cells: name, first email, external id, time zone and source, each checked. */
function readCandidateCells(get: CellReader, errors: string[]) {
  const name =
    get('candidate_name') ??
    ([get('candidate_first_name'), get('candidate_last_name')].filter(Boolean).join(' ') || null);
  if (!name) errors.push('candidate_name: empty');
  // Exports often list several addresses; the first is the candidate's main one.
  const email =
    get('candidate_email')
      ?.split(/[,;\s]+/)[0]
      ?.toLowerCase() ?? null;
  if (email && !isEmailAddress(email)) errors.push(`candidate_email: "${email}" is not an email address`);
  const candidateExternalId = get('candidate_external_id');
  if (!candidateExternalId && !email) errors.push('candidate_external_id: give the candidate id or an email');
  const timeZone = get('candidate_time_zone');
  if (timeZone && !isValidTimeZone(timeZone))
    errors.push(`candidate_time_zone: "${timeZone}" is not an IANA time zone`);
  const source = get('candidate_source');
  if (source && source.length > MAX_SOURCE)
    errors.push(`candidate_source: longer than ${MAX_SOURCE} characters`);
  return { name, email, candidateExternalId, timeZone, source };
}

/** The application's status from the ATS's word for it; null when blank or unknown (reported). */
function readApplicationStatus(get: CellReader, errors: string[]): ApplicationStatus | null {
  const statusText = get('application_status');
  const status = statusText ? (STATUS_WORDS[normalize(statusText)] ?? null) : null;
  if (statusText && !status) {
    errors.push(`application_status: "${statusText}" is not one of ${APPLICATION_STATUSES.join(', ')}`);
  }
  return status;
}

/** The interview the row names, with its times read in `zone`; null when no interview cell is filled. */
function readInterviewCells(get: CellReader, errors: string[], zone: string): ImportRow['interview'] {
  const interviewExternalId = get('interview_external_id');
  const interviewTitle = get('interview_title');
  const scheduledText = get('interview_scheduled_at');
  const endsText = get('interview_ends_at');
  if (!(interviewExternalId || interviewTitle || scheduledText || endsText)) return null;
  const scheduledAt = scheduledText ? parseImportDateTime(scheduledText, zone) : null;
  const endsAt = endsText ? parseImportDateTime(endsText, zone) : null;
  if (scheduledText && !scheduledAt)
    errors.push(`interview_scheduled_at: "${scheduledText}" is not a date and time`);
  if (endsText && !endsAt) errors.push(`interview_ends_at: "${endsText}" is not a date and time`);
  if (scheduledAt && endsAt && endsAt.getTime() < scheduledAt.getTime()) {
    errors.push('interview_ends_at: before interview_scheduled_at');
  }
  return {
    externalId: interviewExternalId,
    title: interviewTitle ?? 'Interview',
    scheduledAt,
    endsAt,
  };
}

/**
 * Turn one row into what it describes, or the reasons it cannot be imported (every reason, so
 * the person fixes the row once). `zone` reads local date-times (the organization's zone).
 */
export function readImportRow(
  cells: Record<string, string>,
  mapping: ImportMapping,
  zone: string,
): { row: ImportRow; errors: [] } | { row: null; errors: string[] } {
  const errors: string[] = [];
  const get = cellReader(cells, mapping, errors);
  const { jobTitle, roleKind } = readJobCells(get, errors);
  const { name, email, candidateExternalId, timeZone, source } = readCandidateCells(get, errors);
  const status = readApplicationStatus(get, errors);
  const interview = readInterviewCells(get, errors, zone);

  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      job: { externalId: get('job_external_id'), title: jobTitle!, roleKind: roleKind! },
      candidate: {
        externalId: candidateExternalId,
        name: name!,
        email,
        phone: get('candidate_phone'),
        timeZone,
        source,
      },
      application: {
        externalId: get('application_external_id'),
        stage: get('application_stage'),
        status,
      },
      interview,
    },
    errors: [],
  };
}
