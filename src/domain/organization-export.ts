/**
 * What the full organization export holds: every table of the database is classified here, either
 * exported (its organization's rows, minus the columns that are secrets) or left out with the
 * reason. A test reads every table and column from information_schema and fails on one that is not
 * classified, so a new table (or a new secret column) is a decision, never an accident. Pure data.
 */

/** A column of a table's key, with its SQL type: the export reads a page after the last key. */
export interface KeyColumn {
  name: string;
  type: 'uuid' | 'text';
}

/** An exported table: which column holds the organization, its key, and the columns left out. */
export interface ExportedTable {
  table: string;
  /** `org_id` everywhere but `organizations` itself (`id`). */
  orgColumn: 'org_id' | 'id';
  key: readonly KeyColumn[];
  /** Secret columns never exported, with why. */
  secretColumns: Readonly<Record<string, string>>;
}

const ID: readonly KeyColumn[] = [{ name: 'id', type: 'uuid' }];

function table(
  name: string,
  secretColumns: Record<string, string> = {},
  key: readonly KeyColumn[] = ID,
): ExportedTable {
  return { table: name, orgColumn: 'org_id', key, secretColumns };
}

/** The tables exported, in the order they are written (the organization first). */
export const EXPORTED_TABLES: readonly ExportedTable[] = [
  { table: 'organizations', orgColumn: 'id', key: ID, secretColumns: {} },
  table('members', { password_hash: 'a password hash' }),
  table('api_tokens', { token_hash: 'the hash of a credential' }),
  table('calendar_feeds', { token_hash: "the hash of a calendar feed's credential" }),
  table('jobs'),
  table('candidates'),
  table('applications'),
  table('interviews'),
  table('interview_interviewers', {}, [
    { name: 'interview_id', type: 'uuid' },
    { name: 'member_id', type: 'uuid' },
  ]),
  table('feedback'),
  table('feedback_versions'),
  table('decisions'),
  table('follow_ups'),
  table('touchpoints'),
  table('messages', { reply_token_hash: "the hash of a reply address's token" }),
  table('events'),
  table('status_links', { token_hash: "the hash of a candidate's status link" }),
  table('candidate_ratings'),
  table('templates', {}, [{ name: 'key', type: 'text' }]),
  table('clients'),
  table('client_contacts'),
  table('client_contact_logs'),
  table('submissions'),
  table('client_answer_links', { token_hash: "the hash of a client's answer link" }),
  table('candidate_client_declarations'),
  table('debriefs'),
  table('placements'),
  table('pool_memberships'),
  table('inbound_emails'),
  table('import_runs'),
  table('webhook_endpoints', {
    secret: 'the signing secret',
    url: "a chat endpoint's URL is itself its credential",
  }),
  table('webhook_deliveries'),
  table('webhook_attempts'),
  table('digests', {}, [
    { name: 'member_id', type: 'uuid' },
    { name: 'local_date', type: 'text' },
  ]),
  table('sso_configs', { client_secret: "the identity provider's client secret" }, [
    { name: 'org_id', type: 'uuid' },
  ]),
  table('sso_domains', {}, [{ name: 'domain', type: 'text' }]),
  table('audit_log'),
];

/** The tables left out, each with why. */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sessions: 'sign-in sessions: credentials',
  candidate_sessions: "candidates' page sessions: credentials",
  login_tokens: 'sign-in links and invitations: credentials',
  sign_in_attempts: 'failed sign-ins by address: security state, not the organization’s data',
  sso_logins: 'single sign-ons in progress (state, PKCE verifier, nonce): transient credentials',
  idempotency_keys: 'stored API responses for retries: transient',
  feedback_drafts: 'scorecards not yet submitted: private to their author until they submit them',
  dev_mailbox: 'the dev mailbox: copies of mail as sent, sign-in links in them',
  imap_cursors: 'where the IMAP poller is in a mailbox: server state of no organization',
  schema_migrations: 'the database’s version (the export states it)',
};
