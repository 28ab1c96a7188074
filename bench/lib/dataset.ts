/**
 * A seeded, realistic Hearback dataset, generated as COPY text rows table by table.
 *
 * Every row is a pure function of (seed, table, index): ids are hashed, not stored, so each table
 * streams on its own without holding the dataset in memory, and the same seed always gives the
 * same data. Organization sizes follow a Zipf law (a few large hiring teams, a long tail of small
 * ones). Each application has one interview and one outcome follow-up; touchpoints and messages
 * hang off the applications.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** What to generate. */
export interface DatasetSpec {
  seed: number;
  organizations: number;
  /** One application, interview and outcome follow-up each. */
  followUps: number;
  /** Average touchpoints per application (the issue asks for 5: 5M for 1M follow-ups). */
  touchpointsPerFollowUp: number;
  /** Zipf exponent of organization sizes (1 = the classic long tail). */
  skew: number;
  /** The instant "now" of the dataset (ms since epoch). */
  now: number;
  /**
   * `history`: a lived-in system (most follow-ups done, some open, some overdue).
   * `due`: every follow-up open and just broken, all falling due at `now` (the sweep benchmark).
   */
  mode: 'history' | 'due';
}

const DAY = 86_400_000;

// --- deterministic hashing -------------------------------------------------------------------

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hash3(seed: number, tag: number, i: number, j = 0): number {
  return mix(mix(mix(seed ^ Math.imul(tag, 0x9e3779b1)) ^ i) ^ Math.imul(j, 0x27d4eb2f));
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex32(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** A random-looking (version 4 shaped) UUID for (table tag, index, sub-index). */
function uuid(seed: number, tag: number, i: number, j = 0): string {
  const a = hash3(seed, tag, i, j);
  const b = hash3(seed, tag + 101, i, j);
  const c = hash3(seed, tag + 202, i, j);
  const d = hash3(seed, tag + 303, i, j);
  const bh = hex32((b & 0xffff0fff) | 0x4000);
  const ch = hex32((c & 0x3fffffff) | 0x80000000);
  return `${hex32(a)}-${bh.slice(0, 4)}-${bh.slice(4)}-${ch.slice(0, 4)}-${ch.slice(4)}${hex32(d)}`;
}

/** A number in [0, 1) for (tag, index). */
function rnd(seed: number, tag: number, i: number, j = 0): number {
  return hash3(seed, tag, i, j) / 4294967296;
}

const T = {
  org: 1,
  member: 2,
  job: 3,
  candidate: 4,
  application: 5,
  interview: 6,
  followUp: 7,
  touchpoint: 8,
  message: 9,
  pick: 20,
} as const;

const FIRST = [
  'Ada',
  'Ben',
  'Chloé',
  'Dev',
  'Eun-ji',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
];
const LAST = [
  'Okafor',
  'Schmidt',
  'Nguyen',
  'García',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'Silva',
  'Müller',
  'Byrne',
];
const TITLES = ['Backend Engineer', 'Account Executive', 'Product Designer', 'Data Analyst', 'Support Lead'];
const ZONES = ['Europe/London', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'];
const STATEMENTS = [
  "We'll get back to you within three business days",
  'You will hear from us by Friday',
  'Expect an answer early next week',
  'We will let you know within 5 working days',
];

function name(seed: number, tag: number, i: number): string {
  return `${FIRST[hash3(seed, tag, i, 1) % FIRST.length]} ${LAST[hash3(seed, tag, i, 2) % LAST.length]}`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

// --- the shape: how big each organization is ----------------------------------------------------

/** Per organization: how many applications (= follow-ups), members and jobs, and where it starts. */
export interface OrgShape {
  apps: number;
  appOffset: number;
  members: number;
  jobs: number;
}

/** Split the follow-ups over the organizations by a Zipf law; every organization gets at least one. */
export function shapeOf(spec: DatasetSpec): OrgShape[] {
  const weights = Array.from({ length: spec.organizations }, (_, i) => 1 / (i + 1) ** spec.skew);
  const total = weights.reduce((a, b) => a + b, 0);
  const spare = spec.followUps - spec.organizations;
  const apps = weights.map((w) => 1 + Math.floor((w / total) * spare));
  // Rounding leftovers go to the largest organization.
  apps[0]! += spec.followUps - apps.reduce((a, b) => a + b, 0);
  let offset = 0;
  return apps.map((n) => {
    const s = {
      apps: n,
      appOffset: offset,
      // A member per ~150 applications (at least 4: an admin, a recruiter, a hiring manager, an interviewer).
      members: Math.max(4, Math.min(3000, Math.ceil(n / 150))),
      jobs: Math.max(1, Math.min(5000, Math.ceil(n / 60))),
    };
    offset += n;
    return s;
  });
}

/** Where application `g` lives. */
function orgOfApp(shape: OrgShape[], g: number): number {
  let lo = 0;
  let hi = shape.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shape[mid]!.appOffset <= g) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Member global index: org * 4096 + i keeps ids unique without offsets.
const memberId = (seed: number, o: number, i: number) => uuid(seed, T.member, o * 4096 + i);
const jobId = (seed: number, o: number, i: number) => uuid(seed, T.job, o * 8192 + i);
const ROLES = ['admin', 'recruiter', 'hiring_manager', 'interviewer'] as const;

/** One table's COPY: its columns and its rows as text-format lines, produced lazily. */
export interface TableStream {
  table: string;
  columns: string[];
  /** Rows of part `part` of `parts` (split by application; per-organization tables are all in part 0). */
  rows: (part?: number, parts?: number) => Generator<string>;
}

/** Facts every table needs about application `g`. */
interface AppFacts {
  o: number;
  org: string;
  id: string;
  job: string;
  owner: string;
  status: 'open' | 'done' | 'cancelled';
  createdAt: number;
  dueAt: number;
  touchpoints: number;
}

function appFacts(spec: DatasetSpec, shape: OrgShape[], g: number, o: number): AppFacts {
  const s = spec.seed;
  const sh = shape[o]!;
  const r = rnd(s, T.application, g);
  let status: AppFacts['status'];
  let createdAt: number;
  let dueAt: number;
  if (spec.mode === 'due') {
    status = 'open';
    createdAt = spec.now - 5 * DAY;
    dueAt = spec.now - 3_600_000; // broke an hour ago
  } else {
    // Two years of history; the newest 8% still open (a third of them overdue), 4% cancelled.
    status = r < 0.08 ? 'open' : r < 0.12 ? 'cancelled' : 'done';
    const age =
      status === 'open'
        ? rnd(s, T.application, g, 1) * 10 * DAY
        : (0.1 + rnd(s, T.application, g, 1) * 730) * DAY;
    createdAt = spec.now - age;
    dueAt = createdAt + (2 + Math.floor(rnd(s, T.application, g, 2) * 8)) * DAY;
  }
  // Pick a member other than the admin (index 0) as owner; ids spread over the org's members.
  const ownerIdx = 1 + (hash3(s, T.pick, g, 1) % (sh.members - 1));
  const spread = spec.touchpointsPerFollowUp;
  const touchpoints =
    spec.mode === 'due' ? 1 : Math.max(1, Math.round(spread - 2 + rnd(s, T.pick, g, 3) * 4));
  return {
    o,
    org: uuid(s, T.org, o),
    id: uuid(s, T.application, g),
    job: jobId(s, o, hash3(s, T.pick, g, 2) % sh.jobs),
    owner: memberId(s, o, ownerIdx),
    status,
    createdAt,
    dueAt,
    touchpoints,
  };
}

/** Every table of the dataset, in foreign-key order. */
export function datasetTables(spec: DatasetSpec): TableStream[] {
  const s = spec.seed;
  const shape = shapeOf(spec);
  const epoch = iso(spec.now - 800 * DAY);
  function* apps(part = 0, parts = 1): Generator<[number, AppFacts]> {
    const from = Math.floor((spec.followUps * part) / parts);
    const to = Math.floor((spec.followUps * (part + 1)) / parts);
    let o = orgOfApp(shape, from);
    for (let g = from; g < to; g++) {
      while (o + 1 < shape.length && shape[o + 1]!.appOffset <= g) o++;
      yield [g, appFacts(spec, shape, g, o)];
    }
  }
  return [
    {
      table: 'organizations',
      columns: ['id', 'name', 'policy', 'created_at'],
      *rows(part = 0) {
        if (part > 0) return;
        for (let o = 0; o < shape.length; o++) yield `${uuid(s, T.org, o)}\tOrg ${o} Hiring\t{}\t${epoch}\n`;
      },
    },
    {
      table: 'members',
      columns: ['id', 'org_id', 'email', 'name', 'role', 'time_zone', 'active', 'created_at', 'updated_at'],
      *rows(part = 0) {
        if (part > 0) return;
        for (let o = 0; o < shape.length; o++) {
          const org = uuid(s, T.org, o);
          for (let i = 0; i < shape[o]!.members; i++) {
            const role = i < 4 ? ROLES[i]! : ROLES[1 + (hash3(s, T.member, o, i) % 3)]!;
            const zone = ZONES[hash3(s, T.member, o * 4096 + i, 3) % ZONES.length];
            yield `${memberId(s, o, i)}\t${org}\t${role}${i}@org${o}.example\t${name(s, T.member, o * 4096 + i)}\t${role}\t${zone}\tt\t${epoch}\t${epoch}\n`;
          }
        }
      },
    },
    {
      table: 'jobs',
      columns: [
        'id',
        'org_id',
        'title',
        'role_kind',
        'status',
        'hiring_manager_id',
        'recruiter_id',
        'created_at',
        'updated_at',
      ],
      *rows(part = 0) {
        if (part > 0) return;
        for (let o = 0; o < shape.length; o++) {
          const org = uuid(s, T.org, o);
          const m = shape[o]!.members;
          for (let i = 0; i < shape[o]!.jobs; i++) {
            // Hiring managers and recruiters are the org's members 2 and 1, or others at random.
            const hm = i % 3 === 0 ? 2 : 1 + (hash3(s, T.job, o, i) % (m - 1));
            const rec = i % 3 === 0 ? 1 : 1 + (hash3(s, T.job, o, i + 1) % (m - 1));
            const kind = ['technical', 'sales', 'client_facing', 'other'][i % 4];
            yield `${jobId(s, o, i)}\t${org}\t${TITLES[i % TITLES.length]} ${i}\t${kind}\topen\t${memberId(s, o, hm)}\t${memberId(s, o, rec)}\t${epoch}\t${epoch}\n`;
          }
        }
      },
    },
    {
      table: 'candidates',
      columns: ['id', 'org_id', 'name', 'email', 'phone', 'time_zone', 'created_at', 'updated_at'],
      *rows(part = 0, parts = 1) {
        for (const [g, a] of apps(part, parts)) {
          const at = iso(a.createdAt - DAY);
          yield `${uuid(s, T.candidate, g)}\t${a.org}\t${name(s, T.candidate, g)}\tcandidate${g}@mail.example\t\\N\t${ZONES[g % ZONES.length]}\t${at}\t${at}\n`;
        }
      },
    },
    {
      table: 'applications',
      columns: ['id', 'org_id', 'job_id', 'candidate_id', 'stage', 'status', 'created_at', 'updated_at'],
      *rows(part = 0, parts = 1) {
        for (const [g, a] of apps(part, parts)) {
          const status =
            a.status === 'open'
              ? 'active'
              : a.status === 'cancelled'
                ? 'withdrawn'
                : rnd(s, T.pick, g, 4) < 0.85
                  ? 'rejected'
                  : 'hired';
          const at = iso(a.createdAt - DAY);
          yield `${a.id}\t${a.org}\t${a.job}\t${uuid(s, T.candidate, g)}\tinterview\t${status}\t${at}\t${at}\n`;
        }
      },
    },
    {
      table: 'interviews',
      columns: [
        'id',
        'org_id',
        'application_id',
        'title',
        'scheduled_at',
        'ends_at',
        'closed_at',
        'promise_statement',
        'promise_due_at',
        'promise_owner_id',
        'promise_resolution',
        'promise_rule',
        'created_at',
      ],
      *rows(part = 0, parts = 1) {
        for (const [g, a] of apps(part, parts)) {
          const start = iso(a.createdAt - 3_600_000);
          const end = iso(a.createdAt);
          yield `${uuid(s, T.interview, g)}\t${a.org}\t${a.id}\tFinal interview\t${start}\t${end}\t${end}\t${STATEMENTS[g % STATEMENTS.length]}\t${iso(a.dueAt)}\t${a.owner}\tparsed\tbusiness_days\t${iso(a.createdAt - DAY)}\n`;
        }
      },
    },
    {
      table: 'touchpoints',
      columns: [
        'id',
        'org_id',
        'application_id',
        'direction',
        'channel',
        'kind',
        'from_party',
        'to_party',
        'connected',
        'member_id',
        'occurred_at',
        'summary',
        'created_at',
      ],
      *rows(part = 0, parts = 1) {
        for (const [g, a] of apps(part, parts)) {
          // The last touchpoint of a done follow-up is the outcome email that closed it.
          for (let k = 0; k < a.touchpoints; k++) {
            const last = k === a.touchpoints - 1 && a.status === 'done';
            const at = iso(last ? a.dueAt - 3_600_000 : a.createdAt - DAY + k * 3_600_000);
            const inbound = !last && k % 2 === 1;
            const kind = last ? 'outcome' : k === 0 ? 'interview' : 'note';
            const channel = last ? 'email' : ['email', 'phone', 'in_person', 'portal'][k % 4];
            yield `${uuid(s, T.touchpoint, g, k)}\t${a.org}\t${a.id}\t${inbound ? 'inbound' : 'outbound'}\t${channel}\t${kind}\t${inbound ? 'candidate' : 'team'}\t${inbound ? 'team' : 'candidate'}\tt\t${a.owner}\t${at}\t${kind} ${k}\t${at}\n`;
          }
        }
      },
    },
    {
      table: 'follow_ups',
      columns: [
        'id',
        'org_id',
        'application_id',
        'interview_id',
        'kind',
        'owed_by',
        'owed_to',
        'owner_id',
        'due_at',
        'status',
        'done_at',
        'done_by_touchpoint_id',
        'cancel_reason',
        'escalation_level',
        'created_at',
        'updated_at',
        'next_action_at',
        'reminded_at',
        'breached_at',
        'updates_sent',
      ],
      *rows(part = 0, parts = 1) {
        for (const [g, a] of apps(part, parts)) {
          const created = iso(a.createdAt);
          const done = a.status === 'done';
          const doneAt = done ? iso(a.dueAt - 3_600_000) : '\\N';
          const tp = done ? uuid(s, T.touchpoint, g, a.touchpoints - 1) : '\\N';
          const cancel = a.status === 'cancelled' ? 'withdrawn' : '\\N';
          // Open follow-ups wait for their reminder (a day before due) or are already overdue.
          const next =
            a.status !== 'open'
              ? '\\N'
              : spec.mode === 'due'
                ? iso(spec.now - 60_000)
                : iso(Math.max(spec.now - DAY, a.dueAt - DAY));
          yield `${uuid(s, T.followUp, g)}\t${a.org}\t${a.id}\t${uuid(s, T.interview, g)}\toutcome\tteam\tcandidate\t${a.owner}\t${iso(a.dueAt)}\t${a.status}\t${doneAt}\t${tp}\t${cancel}\t0\t${created}\t${created}\t${next}\t\\N\t\\N\t0\n`;
        }
      },
    },
    {
      table: 'messages',
      columns: [
        'id',
        'org_id',
        'application_id',
        'follow_up_id',
        'kind',
        'audience',
        'to_address',
        'to_name',
        'subject',
        'body_text',
        'body_html',
        'automatic',
        'status',
        'send_at',
        'attempts',
        'message_id',
        'sent_at',
        'created_at',
        'updated_at',
      ],
      *rows(part = 0, parts = 1) {
        if (spec.mode === 'due') return;
        for (const [g, a] of apps(part, parts)) {
          if (a.status === 'cancelled') continue;
          // Done: the outcome email that closed it; a third also had an honest update first.
          const n = a.status === 'done' ? (rnd(s, T.message, g) < 0.33 ? 2 : 1) : 0;
          for (let k = 0; k < n; k++) {
            const outcome = k === n - 1;
            const at = iso(outcome ? a.dueAt - 3_600_000 : a.dueAt - DAY);
            const id = uuid(s, T.message, g, k);
            const subject = outcome ? 'Your application' : 'An update on your application';
            yield `${id}\t${a.org}\t${a.id}\t${outcome ? uuid(s, T.followUp, g) : '\\N'}\t${outcome ? 'outcome' : 'update'}\tcandidate\tcandidate${g}@mail.example\t${name(s, T.candidate, g)}\t${subject}\tThank you for interviewing with us.\t<p>Thank you for interviewing with us.</p>\t${outcome ? 'f' : 't'}\tsent\t${at}\t1\t<${id}@bench.example>\t${at}\t${at}\t${at}\n`;
          }
        }
      },
    },
  ];
}

/** Batch generator lines into ~1 MB chunks (one write per chunk, not per row). */
function* chunked(rows: Generator<string>, onRow: () => void): Generator<string> {
  let buf = '';
  for (const line of rows) {
    buf += line;
    onRow();
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** Rows loaded per table, and the seconds each took. */
export type LoadReport = { table: string; rows: number; seconds: number }[];

/**
 * Load with COPY … FROM STDIN on one connection. `fast` skips foreign-key triggers
 * (session_replication_role = replica): the generator guarantees the references.
 */
export async function loadPostgres(
  url: string,
  spec: DatasetSpec,
  opts: { fast: boolean; parallel?: number; log?: (s: string) => void },
): Promise<LoadReport> {
  const parts = Math.max(1, opts.parallel ?? 1);
  const clients = await Promise.all(
    Array.from({ length: parts }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      if (opts.fast) await c.query(`SET session_replication_role = replica`);
      return c;
    }),
  );
  const report: LoadReport = [];
  try {
    // Tables in foreign-key order; each big table split by application range over `parts` connections.
    for (const t of datasetTables(spec)) {
      const start = performance.now();
      let rows = 0;
      await Promise.all(
        clients.map(async (client, part) => {
          const sink = client.query(
            copyFrom(`COPY ${t.table} (${t.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
          );
          await pipeline(Readable.from(chunked(t.rows(part, parts), () => rows++)), sink);
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      report.push({ table: t.table, rows, seconds });
      opts.log?.(`  ${t.table}: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s`);
    }
    const start = performance.now();
    await clients[0]!.query('ANALYZE');
    report.push({ table: '(ANALYZE)', rows: 0, seconds: (performance.now() - start) / 1000 });
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return report;
}

/** Load into PGlite with COPY … FROM '/dev/blob' (one blob per table). */
export async function loadPglite(pglite: PGlite, spec: DatasetSpec): Promise<LoadReport> {
  const report: LoadReport = [];
  for (const t of datasetTables(spec)) {
    const start = performance.now();
    let rows = 0;
    const blob = new Blob([...chunked(t.rows(), () => rows++)]);
    if (rows > 0) {
      await pglite.query(
        `COPY ${t.table} (${t.columns.map((c) => `"${c}"`).join(', ')}) FROM '/dev/blob'`,
        [],
        { blob },
      );
    }
    report.push({ table: t.table, rows, seconds: (performance.now() - start) / 1000 });
  }
  await pglite.query('ANALYZE');
  return report;
}

/** Organization id `o` of a dataset (0 is the largest). */
export function orgIdOf(spec: DatasetSpec, o: number): string {
  return uuid(spec.seed, T.org, o);
}

/** Member id `i` of organization `o` (1 is a recruiter who owns follow-ups). */
export function memberIdOf(spec: DatasetSpec, o: number, i: number): string {
  return memberId(spec.seed, o, i);
}

/** Application id `g` (global index) of a dataset. */
export function applicationIdOf(spec: DatasetSpec, g: number): string {
  return uuid(spec.seed, T.application, g);
}

export { orgOfApp };
