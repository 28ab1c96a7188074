--
-- PostgreSQL database dump
--

--
-- Name: app_interviews_application(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_interviews_application(application uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    SELECT EXISTS (
      SELECT 1 FROM interviews i
        JOIN interview_interviewers ii ON ii.org_id = i.org_id AND ii.interview_id = i.id
       WHERE i.org_id = app_org_id() AND i.application_id = application AND ii.member_id = app_member_id())
  $$;

--
-- Name: app_interviews_candidate(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_interviews_candidate(candidate uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    SELECT EXISTS (
      SELECT 1 FROM applications a
       WHERE a.org_id = app_org_id() AND a.candidate_id = candidate AND app_interviews_application(a.id))
  $$;

--
-- Name: app_is_system(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_is_system() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT current_user = 'hearback_system' $$;

--
-- Name: app_member_id(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_member_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.member_id', true), '')::uuid $$;

--
-- Name: app_member_role(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_member_role() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.member_role', true), '') $$;

--
-- Name: app_org_id(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_org_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;

--
-- Name: applications_stage_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.applications_stage_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.stage_changed_at := NEW.updated_at;
  RETURN NEW;
END
$$;

--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    scopes text[] DEFAULT '{}'::text[] NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    member_id uuid NOT NULL
);

ALTER TABLE ONLY public.api_tokens FORCE ROW LEVEL SECURITY;

--
-- Name: applications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.applications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    job_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    stage text DEFAULT 'applied'::text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    final_stage boolean DEFAULT false NOT NULL,
    interest_confirmed_at timestamp with time zone,
    agency_recruiter_name text,
    agency_recruiter_email text,
    awaiting_reply_since timestamp with time zone,
    external_id text,
    stage_changed_at timestamp with time zone,
    CONSTRAINT applications_agency_recruiter_check CHECK (((agency_recruiter_name IS NULL) = (agency_recruiter_email IS NULL))),
    CONSTRAINT applications_status_check CHECK ((status = ANY (ARRAY['active'::text, 'on_hold'::text, 'offered'::text, 'hired'::text, 'rejected'::text, 'withdrawn'::text])))
);

ALTER TABLE ONLY public.applications FORCE ROW LEVEL SECURITY;

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_type text NOT NULL,
    actor_id uuid,
    action text NOT NULL,
    target_type text,
    target_id uuid,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    ip text,
    api_token_id uuid,
    CONSTRAINT audit_log_actor_type_check CHECK ((actor_type = ANY (ARRAY['member'::text, 'api_token'::text, 'system'::text, 'anonymous'::text])))
);

ALTER TABLE ONLY public.audit_log FORCE ROW LEVEL SECURITY;

--
-- Name: calendar_feeds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calendar_feeds (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    member_id uuid NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);

ALTER TABLE ONLY public.calendar_feeds FORCE ROW LEVEL SECURITY;

--
-- Name: candidate_client_declarations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_client_declarations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    client_id uuid NOT NULL,
    other_agency text DEFAULT ''::text NOT NULL,
    submitted_on date,
    note text DEFAULT ''::text NOT NULL,
    recorded_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT candidate_client_declarations_note_check CHECK ((length(note) <= 1000)),
    CONSTRAINT candidate_client_declarations_other_agency_check CHECK ((length(other_agency) <= 200))
);

ALTER TABLE ONLY public.candidate_client_declarations FORCE ROW LEVEL SECURITY;

--
-- Name: candidate_ratings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_ratings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    application_id uuid NOT NULL,
    rating integer NOT NULL,
    comment text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT candidate_ratings_rating_check CHECK (((rating >= 1) AND (rating <= 5)))
);

ALTER TABLE ONLY public.candidate_ratings FORCE ROW LEVEL SECURITY;

--
-- Name: candidate_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    status_link_id uuid NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.candidate_sessions FORCE ROW LEVEL SECURITY;

--
-- Name: candidates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    name text NOT NULL,
    email text,
    phone text,
    time_zone text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    erased_at timestamp with time zone,
    erase_after timestamp with time zone,
    email_bounced_at timestamp with time zone,
    email_bounce_reason text,
    external_id text,
    source text,
    CONSTRAINT candidates_source_check CHECK (((char_length(source) >= 1) AND (char_length(source) <= 100)))
);

ALTER TABLE ONLY public.candidates FORCE ROW LEVEL SECURITY;

--
-- Name: client_answer_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_answer_links (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    submission_id uuid NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    used_at timestamp with time zone,
    CONSTRAINT client_answer_links_check CHECK ((expires_at > created_at))
);

ALTER TABLE ONLY public.client_answer_links FORCE ROW LEVEL SECURITY;

--
-- Name: client_contact_logs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_contact_logs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    submission_id uuid,
    member_id uuid NOT NULL,
    channel text NOT NULL,
    direction text NOT NULL,
    summary text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    next_contact_at timestamp with time zone,
    no_next_contact_reason text,
    next_follow_up_id uuid,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT client_contact_logs_channel_check CHECK ((channel = ANY (ARRAY['email'::text, 'phone'::text, 'in_person'::text, 'sms'::text]))),
    CONSTRAINT client_contact_logs_check CHECK (((next_contact_at IS NULL) <> (no_next_contact_reason IS NULL))),
    CONSTRAINT client_contact_logs_direction_check CHECK ((direction = ANY (ARRAY['inbound'::text, 'outbound'::text])))
);

ALTER TABLE ONLY public.client_contact_logs FORCE ROW LEVEL SECURITY;

--
-- Name: client_contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.client_contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    client_id uuid NOT NULL,
    name text NOT NULL,
    title text DEFAULT ''::text NOT NULL,
    email text,
    phone text,
    preferred_channel text DEFAULT 'email'::text NOT NULL,
    time_zone text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT client_contacts_preferred_channel_check CHECK ((preferred_channel = ANY (ARRAY['email'::text, 'phone'::text, 'sms'::text])))
);

ALTER TABLE ONLY public.client_contacts FORCE ROW LEVEL SECURITY;

--
-- Name: clients; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.clients (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    name text NOT NULL,
    feedback_days_after_submission integer DEFAULT 2 NOT NULL,
    feedback_days_after_interview integer DEFAULT 1 NOT NULL,
    update_cadence_days integer DEFAULT 5 NOT NULL,
    guarantee_days integer DEFAULT 90 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    ownership_days integer DEFAULT 180 NOT NULL,
    CONSTRAINT clients_feedback_days_after_interview_check CHECK (((feedback_days_after_interview >= 0) AND (feedback_days_after_interview <= 60))),
    CONSTRAINT clients_feedback_days_after_submission_check CHECK (((feedback_days_after_submission >= 0) AND (feedback_days_after_submission <= 60))),
    CONSTRAINT clients_guarantee_days_check CHECK (((guarantee_days >= 0) AND (guarantee_days <= 365))),
    CONSTRAINT clients_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT clients_ownership_days_check CHECK (((ownership_days >= 1) AND (ownership_days <= 1095))),
    CONSTRAINT clients_update_cadence_days_check CHECK (((update_cadence_days >= 1) AND (update_cadence_days <= 60)))
);

ALTER TABLE ONLY public.clients FORCE ROW LEVEL SECURITY;

--
-- Name: debriefs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.debriefs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    submission_id uuid NOT NULL,
    interview_id uuid NOT NULL,
    member_id uuid NOT NULL,
    touchpoint_id uuid NOT NULL,
    channel text NOT NULL,
    impressions text NOT NULL,
    surprises text DEFAULT ''::text NOT NULL,
    interest_level integer NOT NULL,
    next_steps text DEFAULT ''::text NOT NULL,
    questions_for_client text DEFAULT ''::text NOT NULL,
    may_mention_other_processes boolean DEFAULT false NOT NULL,
    availability text DEFAULT ''::text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    next_contact_at timestamp with time zone,
    no_next_contact_reason text,
    next_follow_up_id uuid,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT debriefs_channel_check CHECK ((channel = ANY (ARRAY['email'::text, 'phone'::text, 'in_person'::text, 'sms'::text]))),
    CONSTRAINT debriefs_check CHECK (((next_contact_at IS NULL) <> (no_next_contact_reason IS NULL))),
    CONSTRAINT debriefs_interest_level_check CHECK (((interest_level >= 1) AND (interest_level <= 5)))
);

ALTER TABLE ONLY public.debriefs FORCE ROW LEVEL SECURITY;

--
-- Name: decisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.decisions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    application_id uuid NOT NULL,
    outcome text NOT NULL,
    reasons jsonb DEFAULT '[]'::jsonb NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    decided_by uuid NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    recommendation text DEFAULT ''::text NOT NULL,
    CONSTRAINT decisions_outcome_check CHECK ((outcome = ANY (ARRAY['advance'::text, 'reject'::text, 'hold'::text, 'offer'::text])))
);

ALTER TABLE ONLY public.decisions FORCE ROW LEVEL SECURITY;

--
-- Name: dev_mailbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dev_mailbox (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    message_id text NOT NULL,
    envelope_to text NOT NULL,
    headers jsonb NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    body_html text NOT NULL,
    delivered_at timestamp with time zone NOT NULL,
    ics text
);

ALTER TABLE ONLY public.dev_mailbox FORCE ROW LEVEL SECURITY;

--
-- Name: digests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.digests (
    org_id uuid NOT NULL,
    member_id uuid NOT NULL,
    local_date text NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.digests FORCE ROW LEVEL SECURITY;

--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    type text NOT NULL,
    application_id uuid,
    follow_up_id uuid,
    message_id uuid,
    member_id uuid,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.events FORCE ROW LEVEL SECURITY;

--
-- Name: feedback; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    interview_id uuid NOT NULL,
    interviewer_id uuid NOT NULL,
    recommendation text NOT NULL,
    ratings jsonb DEFAULT '{}'::jsonb NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT feedback_recommendation_check CHECK ((recommendation = ANY (ARRAY['strong_yes'::text, 'yes'::text, 'no'::text, 'strong_no'::text]))),
    CONSTRAINT feedback_version_check CHECK ((version >= 1))
);

ALTER TABLE ONLY public.feedback FORCE ROW LEVEL SECURITY;

--
-- Name: feedback_drafts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback_drafts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    interview_id uuid NOT NULL,
    interviewer_id uuid NOT NULL,
    recommendation text,
    ratings jsonb DEFAULT '{}'::jsonb NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    base_version integer NOT NULL,
    saved_at timestamp with time zone NOT NULL,
    CONSTRAINT feedback_drafts_base_version_check CHECK ((base_version >= 0)),
    CONSTRAINT feedback_drafts_recommendation_check CHECK ((recommendation = ANY (ARRAY['strong_yes'::text, 'yes'::text, 'no'::text, 'strong_no'::text])))
);

ALTER TABLE ONLY public.feedback_drafts FORCE ROW LEVEL SECURITY;

--
-- Name: feedback_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feedback_versions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    feedback_id uuid NOT NULL,
    interview_id uuid NOT NULL,
    interviewer_id uuid NOT NULL,
    version integer NOT NULL,
    recommendation text NOT NULL,
    ratings jsonb DEFAULT '{}'::jsonb NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    CONSTRAINT feedback_versions_recommendation_check CHECK ((recommendation = ANY (ARRAY['strong_yes'::text, 'yes'::text, 'no'::text, 'strong_no'::text]))),
    CONSTRAINT feedback_versions_version_check CHECK ((version >= 1))
);

ALTER TABLE ONLY public.feedback_versions FORCE ROW LEVEL SECURITY;

--
-- Name: follow_ups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.follow_ups (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    application_id uuid,
    interview_id uuid,
    kind text NOT NULL,
    owed_by text NOT NULL,
    owed_to text NOT NULL,
    owner_id uuid,
    due_at timestamp with time zone NOT NULL,
    status text DEFAULT 'open'::text NOT NULL,
    done_at timestamp with time zone,
    done_by_touchpoint_id uuid,
    cancel_reason text,
    superseded_by_id uuid,
    escalation_level integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    next_action_at timestamp with time zone,
    reminded_at timestamp with time zone,
    breached_at timestamp with time zone,
    updates_sent integer DEFAULT 0 NOT NULL,
    submission_id uuid,
    client_contact_id uuid,
    ladder_steps integer DEFAULT 0 NOT NULL,
    promised_due_at timestamp with time zone,
    placement_id uuid,
    snoozed_until timestamp with time zone,
    snooze_reason text,
    CONSTRAINT follow_ups_check1 CHECK (((owed_by <> 'team'::text) OR (owner_id IS NOT NULL))),
    CONSTRAINT follow_ups_check2 CHECK (((status = 'done'::text) = (done_at IS NOT NULL))),
    CONSTRAINT follow_ups_kind_check CHECK ((kind = ANY (ARRAY['outcome'::text, 'update'::text, 'feedback_due'::text, 'thank_you'::text, 'check_in'::text, 'debrief'::text, 'client_feedback'::text, 'client_update'::text, 'reply'::text, 'reach_another_way'::text, 'stay_in_touch'::text, 'backfill'::text, 'decision_due'::text, 'placement_check_in'::text]))),
    CONSTRAINT follow_ups_owed_by_check CHECK ((owed_by = ANY (ARRAY['team'::text, 'candidate'::text, 'recruiter'::text, 'client'::text]))),
    CONSTRAINT follow_ups_owed_to_check CHECK ((owed_to = ANY (ARRAY['team'::text, 'candidate'::text, 'recruiter'::text, 'client'::text]))),
    CONSTRAINT follow_ups_parties_check CHECK (((owed_by <> owed_to) OR ((owed_by = 'team'::text) AND (kind = ANY (ARRAY['feedback_due'::text, 'decision_due'::text, 'backfill'::text]))))),
    CONSTRAINT follow_ups_snooze_reason_check CHECK ((((snoozed_until IS NULL) = (snooze_reason IS NULL)) AND ((length(snooze_reason) >= 1) AND (length(snooze_reason) <= 500)))),
    CONSTRAINT follow_ups_status_check CHECK ((status = ANY (ARRAY['open'::text, 'done'::text, 'cancelled'::text]))),
    CONSTRAINT follow_ups_subject_check CHECK (((application_id IS NOT NULL) OR (client_contact_id IS NOT NULL)))
);

ALTER TABLE ONLY public.follow_ups FORCE ROW LEVEL SECURITY;

--
-- Name: idempotency_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_keys (
    org_id uuid NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status_code integer,
    response jsonb,
    locked_until timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.idempotency_keys FORCE ROW LEVEL SECURITY;

--
-- Name: imap_cursors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.imap_cursors (
    mailbox text NOT NULL,
    uid_validity text NOT NULL,
    last_uid bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.imap_cursors FORCE ROW LEVEL SECURITY;

--
-- Name: import_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    file_name text NOT NULL,
    mapping jsonb NOT NULL,
    status text NOT NULL,
    rows_total integer DEFAULT 0 NOT NULL,
    rows_done integer DEFAULT 0 NOT NULL,
    rows_imported integer DEFAULT 0 NOT NULL,
    rows_rejected integer DEFAULT 0 NOT NULL,
    created jsonb DEFAULT '{}'::jsonb NOT NULL,
    errors jsonb DEFAULT '[]'::jsonb NOT NULL,
    rejected_csv text DEFAULT ''::text NOT NULL,
    error text,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT import_runs_status_check CHECK ((status = ANY (ARRAY['running'::text, 'done'::text, 'failed'::text])))
);

ALTER TABLE ONLY public.import_runs FORCE ROW LEVEL SECURITY;

--
-- Name: inbound_emails; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inbound_emails (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid,
    application_id uuid,
    message_id uuid,
    source text NOT NULL,
    classification text NOT NULL,
    matched_by text NOT NULL,
    status text NOT NULL,
    from_address text NOT NULL,
    from_name text DEFAULT ''::text NOT NULL,
    to_addresses text[] DEFAULT '{}'::text[] NOT NULL,
    subject text DEFAULT ''::text NOT NULL,
    rfc_message_id text,
    body_text text DEFAULT ''::text NOT NULL,
    full_text text DEFAULT ''::text NOT NULL,
    attachments jsonb DEFAULT '[]'::jsonb NOT NULL,
    size_bytes integer NOT NULL,
    bounce jsonb,
    raw_hash text NOT NULL,
    touchpoint_id uuid,
    handled_by uuid,
    handled_at timestamp with time zone,
    received_at timestamp with time zone NOT NULL,
    CONSTRAINT inbound_emails_classification_check CHECK ((classification = ANY (ARRAY['reply'::text, 'auto_reply'::text, 'bounce'::text]))),
    CONSTRAINT inbound_emails_matched_by_check CHECK ((matched_by = ANY (ARRAY['token'::text, 'message_id'::text, 'sender'::text, 'assigned'::text, 'none'::text]))),
    CONSTRAINT inbound_emails_source_check CHECK ((source = ANY (ARRAY['smtp'::text, 'imap'::text, 'api'::text]))),
    CONSTRAINT inbound_emails_status_check CHECK ((status = ANY (ARRAY['processed'::text, 'unassigned'::text, 'dismissed'::text, 'unrouted'::text])))
);

ALTER TABLE ONLY public.inbound_emails FORCE ROW LEVEL SECURITY;

--
-- Name: interview_interviewers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.interview_interviewers (
    org_id uuid NOT NULL,
    interview_id uuid NOT NULL,
    member_id uuid NOT NULL
);

ALTER TABLE ONLY public.interview_interviewers FORCE ROW LEVEL SECURITY;

--
-- Name: interviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.interviews (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    application_id uuid NOT NULL,
    title text NOT NULL,
    scheduled_at timestamp with time zone,
    ends_at timestamp with time zone,
    closed_at timestamp with time zone,
    promise_statement text,
    promise_due_at timestamp with time zone,
    promise_owner_id uuid,
    promise_resolution text,
    promise_rule text,
    promise_warnings text[] DEFAULT '{}'::text[] NOT NULL,
    created_at timestamp with time zone NOT NULL,
    location text DEFAULT ''::text NOT NULL,
    cancelled_at timestamp with time zone,
    ics_sequence integer DEFAULT 0 NOT NULL,
    invitations_sent boolean DEFAULT false NOT NULL,
    updated_at timestamp with time zone,
    external_id text,
    submission_id uuid,
    client_interviewers text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT interviews_check CHECK (((closed_at IS NULL) = (promise_due_at IS NULL))),
    CONSTRAINT interviews_promise_resolution_check CHECK ((promise_resolution = ANY (ARRAY['explicit'::text, 'parsed'::text, 'policy_default'::text])))
);

ALTER TABLE ONLY public.interviews FORCE ROW LEVEL SECURITY;

--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    title text NOT NULL,
    role_kind text NOT NULL,
    status text DEFAULT 'open'::text NOT NULL,
    hiring_manager_id uuid,
    recruiter_id uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    policy_overrides jsonb DEFAULT '{}'::jsonb NOT NULL,
    client_id uuid,
    hiring_authority_id uuid,
    external_id text,
    stages text[] DEFAULT ARRAY['applied'::text, 'screen'::text, 'interview'::text, 'final'::text, 'offer'::text] NOT NULL,
    CONSTRAINT jobs_hiring_authority_check CHECK (((hiring_authority_id IS NULL) OR (client_id IS NOT NULL))),
    CONSTRAINT jobs_role_kind_check CHECK ((role_kind = ANY (ARRAY['sales'::text, 'client_facing'::text, 'technical'::text, 'other'::text]))),
    CONSTRAINT jobs_stages_check CHECK ((((cardinality(stages) >= 1) AND (cardinality(stages) <= 20)) AND (array_position(stages, NULL::text) IS NULL))),
    CONSTRAINT jobs_status_check CHECK ((status = ANY (ARRAY['open'::text, 'on_hold'::text, 'closed'::text, 'filled'::text])))
);

ALTER TABLE ONLY public.jobs FORCE ROW LEVEL SECURITY;

--
-- Name: login_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    member_id uuid NOT NULL,
    purpose text NOT NULL,
    token_hash text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT login_tokens_purpose_check CHECK ((purpose = ANY (ARRAY['magic_link'::text, 'invite'::text])))
);

ALTER TABLE ONLY public.login_tokens FORCE ROW LEVEL SECURITY;

--
-- Name: members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.members (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    time_zone text,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    password_hash text,
    password_changed_at timestamp with time zone,
    sso_signed_in_at timestamp with time zone,
    CONSTRAINT members_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'recruiter'::text, 'hiring_manager'::text, 'interviewer'::text])))
);

ALTER TABLE ONLY public.members FORCE ROW LEVEL SECURITY;

--
-- Name: messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    application_id uuid,
    follow_up_id uuid,
    decision_id uuid,
    kind text NOT NULL,
    audience text NOT NULL,
    to_member_id uuid,
    to_address text NOT NULL,
    to_name text DEFAULT ''::text NOT NULL,
    reply_to text,
    subject text NOT NULL,
    body_text text NOT NULL,
    body_html text NOT NULL,
    automatic boolean NOT NULL,
    status text NOT NULL,
    send_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    lease_until timestamp with time zone,
    last_error text,
    message_id text NOT NULL,
    in_reply_to text,
    "references" text[] DEFAULT '{}'::text[] NOT NULL,
    check_kind text,
    override_reason text,
    cancel_reason text,
    created_by uuid,
    sent_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    scheduled_because text,
    reply_token_hash text,
    ics_method text,
    ics text,
    CONSTRAINT messages_audience_check CHECK ((audience = ANY (ARRAY['candidate'::text, 'member'::text]))),
    CONSTRAINT messages_check CHECK (((audience <> 'candidate'::text) OR (application_id IS NOT NULL))),
    CONSTRAINT messages_check1 CHECK (((status <> 'scheduled'::text) OR (send_at IS NOT NULL))),
    CONSTRAINT messages_ics_check CHECK (((ics IS NULL) = (ics_method IS NULL))),
    CONSTRAINT messages_ics_method_check CHECK ((ics_method = ANY (ARRAY['REQUEST'::text, 'CANCEL'::text]))),
    CONSTRAINT messages_kind_check CHECK ((kind = ANY (ARRAY['outcome'::text, 'update'::text, 'reminder'::text, 'escalation'::text, 'digest'::text, 'job_closed'::text, 'status_link'::text, 'failure_alert'::text, 'sign_in'::text, 'invite'::text, 'candidate_note'::text, 'invitation'::text, 'reply_notice'::text, 'pool_invite'::text, 'written_promise'::text, 'client_submission'::text]))),
    CONSTRAINT messages_scheduled_because_check CHECK ((scheduled_because = ANY (ARRAY['immediately'::text, 'undo_window'::text, 'send_delay'::text, 'phone_first_wait'::text, 'requested_time'::text, 'candidate_business_hours'::text, 'team_business_hours'::text, 'retry_backoff'::text]))),
    CONSTRAINT messages_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'scheduled'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY public.messages FORCE ROW LEVEL SECURITY;

--
-- Name: organizations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organizations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    policy jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT organizations_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);

ALTER TABLE ONLY public.organizations FORCE ROW LEVEL SECURITY;

--
-- Name: placements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.placements (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    submission_id uuid NOT NULL,
    client_id uuid NOT NULL,
    job_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    application_id uuid NOT NULL,
    recruiter_id uuid NOT NULL,
    start_date date NOT NULL,
    fee jsonb NOT NULL,
    fee_note text DEFAULT ''::text NOT NULL,
    guarantee_days integer NOT NULL,
    guarantee_ends_on date NOT NULL,
    fell_through_on date,
    fall_through_reason text,
    fell_within_guarantee boolean,
    replacement_follow_up_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT placements_check CHECK ((guarantee_ends_on = (start_date + guarantee_days))),
    CONSTRAINT placements_check1 CHECK (((fell_through_on IS NULL) = (fall_through_reason IS NULL))),
    CONSTRAINT placements_check2 CHECK (((fell_through_on IS NULL) = (fell_within_guarantee IS NULL))),
    CONSTRAINT placements_fee_check CHECK (((jsonb_typeof(fee) = 'object'::text) AND ((fee ->> 'kind'::text) = ANY (ARRAY['percent'::text, 'fixed'::text])))),
    CONSTRAINT placements_fee_note_check CHECK ((length(fee_note) <= 1000)),
    CONSTRAINT placements_guarantee_days_check CHECK (((guarantee_days >= 0) AND (guarantee_days <= 365)))
);

ALTER TABLE ONLY public.placements FORCE ROW LEVEL SECURITY;

--
-- Name: pool_memberships; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pool_memberships (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    application_id uuid NOT NULL,
    status text NOT NULL,
    offer text DEFAULT ''::text NOT NULL,
    interests text DEFAULT ''::text NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    cadence_days integer NOT NULL,
    consent_months integer,
    consent_until timestamp with time zone,
    owner_id uuid NOT NULL,
    invited_at timestamp with time zone NOT NULL,
    responded_at timestamp with time zone,
    ended_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pool_memberships_cadence_days_check CHECK (((cadence_days >= 7) AND (cadence_days <= 730))),
    CONSTRAINT pool_memberships_check CHECK (((status <> 'opted_in'::text) OR (consent_until IS NOT NULL))),
    CONSTRAINT pool_memberships_consent_months_check CHECK (((consent_months >= 1) AND (consent_months <= 36))),
    CONSTRAINT pool_memberships_status_check CHECK ((status = ANY (ARRAY['invited'::text, 'opted_in'::text, 'declined'::text, 'expired'::text, 'removed'::text])))
);

ALTER TABLE ONLY public.pool_memberships FORCE ROW LEVEL SECURITY;

--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    member_id uuid NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    revoke_reason text,
    user_agent text DEFAULT ''::text NOT NULL
);

ALTER TABLE ONLY public.sessions FORCE ROW LEVEL SECURITY;

--
-- Name: sign_in_attempts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sign_in_attempts (
    key text NOT NULL,
    failures integer NOT NULL,
    last_failure_at timestamp with time zone NOT NULL,
    blocked_until timestamp with time zone,
    CONSTRAINT sign_in_attempts_failures_check CHECK ((failures > 0))
);

ALTER TABLE ONLY public.sign_in_attempts FORCE ROW LEVEL SECURITY;

--
-- Name: sso_configs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sso_configs (
    org_id uuid NOT NULL,
    issuer text NOT NULL,
    client_id text NOT NULL,
    client_secret text NOT NULL,
    jit_role text,
    passwords_enabled boolean DEFAULT true NOT NULL,
    sign_in_links_enabled boolean DEFAULT true NOT NULL,
    connection_changed_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT sso_configs_jit_role_check CHECK ((jit_role = ANY (ARRAY['admin'::text, 'recruiter'::text, 'hiring_manager'::text, 'interviewer'::text])))
);

ALTER TABLE ONLY public.sso_configs FORCE ROW LEVEL SECURITY;

--
-- Name: sso_domains; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sso_domains (
    domain text NOT NULL,
    org_id uuid NOT NULL,
    CONSTRAINT sso_domains_domain_check CHECK ((domain = lower(domain)))
);

ALTER TABLE ONLY public.sso_domains FORCE ROW LEVEL SECURITY;

--
-- Name: sso_logins; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sso_logins (
    state_hash text NOT NULL,
    org_id uuid NOT NULL,
    browser_hash text NOT NULL,
    code_verifier text NOT NULL,
    nonce text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.sso_logins FORCE ROW LEVEL SECURITY;

--
-- Name: status_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.status_links (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    application_id uuid NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);

ALTER TABLE ONLY public.status_links FORCE ROW LEVEL SECURITY;

--
-- Name: submissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.submissions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    client_id uuid NOT NULL,
    job_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    application_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    recruiter_id uuid NOT NULL,
    pitch text NOT NULL,
    consent_at timestamp with time zone NOT NULL,
    consent_note text DEFAULT ''::text NOT NULL,
    stage text DEFAULT 'submitted'::text NOT NULL,
    declined_by text,
    decline_reason text,
    submitted_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT submissions_check CHECK (((stage = 'declined'::text) = (declined_by IS NOT NULL))),
    CONSTRAINT submissions_check1 CHECK (((declined_by IS DISTINCT FROM 'client'::text) OR (decline_reason IS NOT NULL))),
    CONSTRAINT submissions_declined_by_check CHECK ((declined_by = ANY (ARRAY['client'::text, 'candidate'::text]))),
    CONSTRAINT submissions_stage_check CHECK ((stage = ANY (ARRAY['submitted'::text, 'client_reviewing'::text, 'interviewing'::text, 'offered'::text, 'placed'::text, 'declined'::text, 'withdrawn'::text])))
);

ALTER TABLE ONLY public.submissions FORCE ROW LEVEL SECURITY;

--
-- Name: templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.templates (
    org_id uuid NOT NULL,
    key text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.templates FORCE ROW LEVEL SECURITY;

--
-- Name: touchpoints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.touchpoints (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    application_id uuid NOT NULL,
    direction text NOT NULL,
    channel text NOT NULL,
    kind text NOT NULL,
    from_party text NOT NULL,
    to_party text NOT NULL,
    connected boolean NOT NULL,
    member_id uuid,
    occurred_at timestamp with time zone NOT NULL,
    summary text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    decision_id uuid,
    undone_at timestamp with time zone,
    CONSTRAINT touchpoints_channel_check CHECK ((channel = ANY (ARRAY['email'::text, 'phone'::text, 'in_person'::text, 'letter'::text, 'sms'::text, 'portal'::text]))),
    CONSTRAINT touchpoints_check CHECK ((from_party <> to_party)),
    CONSTRAINT touchpoints_direction_check CHECK ((direction = ANY (ARRAY['inbound'::text, 'outbound'::text]))),
    CONSTRAINT touchpoints_from_party_check CHECK ((from_party = ANY (ARRAY['team'::text, 'candidate'::text, 'recruiter'::text, 'client'::text]))),
    CONSTRAINT touchpoints_to_party_check CHECK ((to_party = ANY (ARRAY['team'::text, 'candidate'::text, 'recruiter'::text, 'client'::text])))
);

ALTER TABLE ONLY public.touchpoints FORCE ROW LEVEL SECURITY;

--
-- Name: webhook_attempts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_attempts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    delivery_id uuid NOT NULL,
    attempt integer NOT NULL,
    status_code integer,
    error text,
    duration_ms integer NOT NULL,
    at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.webhook_attempts FORCE ROW LEVEL SECURITY;

--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_deliveries (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    endpoint_id uuid NOT NULL,
    event_id uuid NOT NULL,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    status text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    lease_until timestamp with time zone,
    last_status_code integer,
    last_error text,
    delivered_at timestamp with time zone,
    replay_of uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT webhook_deliveries_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'delivering'::text, 'delivered'::text, 'failed'::text])))
);

ALTER TABLE ONLY public.webhook_deliveries FORCE ROW LEVEL SECURITY;

--
-- Name: webhook_endpoints; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_endpoints (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    org_id uuid NOT NULL,
    kind text NOT NULL,
    url text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    events text[] NOT NULL,
    secret text,
    member_id uuid,
    active boolean DEFAULT true NOT NULL,
    disabled_at timestamp with time zone,
    disabled_reason text,
    consecutive_failures integer DEFAULT 0 NOT NULL,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT webhook_endpoints_check CHECK (((kind = 'webhook'::text) = (secret IS NOT NULL))),
    CONSTRAINT webhook_endpoints_kind_check CHECK ((kind = ANY (ARRAY['webhook'::text, 'slack'::text, 'teams'::text])))
);

ALTER TABLE ONLY public.webhook_endpoints FORCE ROW LEVEL SECURITY;

--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);

--
-- Name: api_tokens api_tokens_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);

--
-- Name: applications applications_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_org_id_id_key UNIQUE (org_id, id);

--
-- Name: applications applications_org_id_job_id_candidate_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_org_id_job_id_candidate_id_key UNIQUE (org_id, job_id, candidate_id);

--
-- Name: applications applications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_pkey PRIMARY KEY (id);

--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

--
-- Name: calendar_feeds calendar_feeds_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_org_id_id_key UNIQUE (org_id, id);

--
-- Name: calendar_feeds calendar_feeds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_pkey PRIMARY KEY (id);

--
-- Name: calendar_feeds calendar_feeds_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash);

--
-- Name: candidate_client_declarations candidate_client_declarations_org_id_candidate_id_client_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_client_declarations
    ADD CONSTRAINT candidate_client_declarations_org_id_candidate_id_client_id_key UNIQUE (org_id, candidate_id, client_id);

--
-- Name: candidate_client_declarations candidate_client_declarations_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_client_declarations
    ADD CONSTRAINT candidate_client_declarations_org_id_id_key UNIQUE (org_id, id);

--
-- Name: candidate_client_declarations candidate_client_declarations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_client_declarations
    ADD CONSTRAINT candidate_client_declarations_pkey PRIMARY KEY (id);

--
-- Name: candidate_ratings candidate_ratings_org_id_application_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_ratings
    ADD CONSTRAINT candidate_ratings_org_id_application_id_key UNIQUE (org_id, application_id);

--
-- Name: candidate_ratings candidate_ratings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_ratings
    ADD CONSTRAINT candidate_ratings_pkey PRIMARY KEY (id);

--
-- Name: candidate_sessions candidate_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_sessions
    ADD CONSTRAINT candidate_sessions_pkey PRIMARY KEY (id);

--
-- Name: candidate_sessions candidate_sessions_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_sessions
    ADD CONSTRAINT candidate_sessions_token_hash_key UNIQUE (token_hash);

--
-- Name: candidates candidates_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_org_id_id_key UNIQUE (org_id, id);

--
-- Name: candidates candidates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_pkey PRIMARY KEY (id);

--
-- Name: client_answer_links client_answer_links_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_answer_links
    ADD CONSTRAINT client_answer_links_org_id_id_key UNIQUE (org_id, id);

--
-- Name: client_answer_links client_answer_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_answer_links
    ADD CONSTRAINT client_answer_links_pkey PRIMARY KEY (id);

--
-- Name: client_answer_links client_answer_links_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_answer_links
    ADD CONSTRAINT client_answer_links_token_hash_key UNIQUE (token_hash);

--
-- Name: client_contact_logs client_contact_logs_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contact_logs
    ADD CONSTRAINT client_contact_logs_org_id_id_key UNIQUE (org_id, id);

--
-- Name: client_contact_logs client_contact_logs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contact_logs
    ADD CONSTRAINT client_contact_logs_pkey PRIMARY KEY (id);

--
-- Name: client_contacts client_contacts_org_id_client_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contacts
    ADD CONSTRAINT client_contacts_org_id_client_id_id_key UNIQUE (org_id, client_id, id);

--
-- Name: client_contacts client_contacts_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contacts
    ADD CONSTRAINT client_contacts_org_id_id_key UNIQUE (org_id, id);

--
-- Name: client_contacts client_contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contacts
    ADD CONSTRAINT client_contacts_pkey PRIMARY KEY (id);

--
-- Name: clients clients_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.clients
    ADD CONSTRAINT clients_org_id_id_key UNIQUE (org_id, id);

--
-- Name: clients clients_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.clients
    ADD CONSTRAINT clients_pkey PRIMARY KEY (id);

--
-- Name: debriefs debriefs_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_org_id_id_key UNIQUE (org_id, id);

--
-- Name: debriefs debriefs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_pkey PRIMARY KEY (id);

--
-- Name: decisions decisions_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decisions
    ADD CONSTRAINT decisions_org_id_id_key UNIQUE (org_id, id);

--
-- Name: decisions decisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decisions
    ADD CONSTRAINT decisions_pkey PRIMARY KEY (id);

--
-- Name: dev_mailbox dev_mailbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dev_mailbox
    ADD CONSTRAINT dev_mailbox_pkey PRIMARY KEY (id);

--
-- Name: digests digests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_pkey PRIMARY KEY (org_id, member_id, local_date);

--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);

--
-- Name: feedback_drafts feedback_drafts_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_drafts
    ADD CONSTRAINT feedback_drafts_org_id_id_key UNIQUE (org_id, id);

--
-- Name: feedback_drafts feedback_drafts_org_id_interview_id_interviewer_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_drafts
    ADD CONSTRAINT feedback_drafts_org_id_interview_id_interviewer_id_key UNIQUE (org_id, interview_id, interviewer_id);

--
-- Name: feedback_drafts feedback_drafts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_drafts
    ADD CONSTRAINT feedback_drafts_pkey PRIMARY KEY (id);

--
-- Name: feedback feedback_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_org_id_id_key UNIQUE (org_id, id);

--
-- Name: feedback feedback_org_id_interview_id_interviewer_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_org_id_interview_id_interviewer_id_key UNIQUE (org_id, interview_id, interviewer_id);

--
-- Name: feedback feedback_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_pkey PRIMARY KEY (id);

--
-- Name: feedback_versions feedback_versions_org_id_feedback_id_version_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_versions
    ADD CONSTRAINT feedback_versions_org_id_feedback_id_version_key UNIQUE (org_id, feedback_id, version);

--
-- Name: feedback_versions feedback_versions_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_versions
    ADD CONSTRAINT feedback_versions_org_id_id_key UNIQUE (org_id, id);

--
-- Name: feedback_versions feedback_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_versions
    ADD CONSTRAINT feedback_versions_pkey PRIMARY KEY (id);

--
-- Name: follow_ups follow_ups_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_org_id_id_key UNIQUE (org_id, id);

--
-- Name: follow_ups follow_ups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_pkey PRIMARY KEY (id);

--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (org_id, key);

--
-- Name: imap_cursors imap_cursors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.imap_cursors
    ADD CONSTRAINT imap_cursors_pkey PRIMARY KEY (mailbox);

--
-- Name: import_runs import_runs_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_runs
    ADD CONSTRAINT import_runs_org_id_id_key UNIQUE (org_id, id);

--
-- Name: import_runs import_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_runs
    ADD CONSTRAINT import_runs_pkey PRIMARY KEY (id);

--
-- Name: inbound_emails inbound_emails_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_org_id_id_key UNIQUE (org_id, id);

--
-- Name: inbound_emails inbound_emails_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_pkey PRIMARY KEY (id);

--
-- Name: inbound_emails inbound_emails_raw_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_raw_hash_key UNIQUE (raw_hash);

--
-- Name: interview_interviewers interview_interviewers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interview_interviewers
    ADD CONSTRAINT interview_interviewers_pkey PRIMARY KEY (org_id, interview_id, member_id);

--
-- Name: interviews interviews_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interviews
    ADD CONSTRAINT interviews_org_id_id_key UNIQUE (org_id, id);

--
-- Name: interviews interviews_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interviews
    ADD CONSTRAINT interviews_pkey PRIMARY KEY (id);

--
-- Name: jobs jobs_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_org_id_id_key UNIQUE (org_id, id);

--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);

--
-- Name: login_tokens login_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_tokens
    ADD CONSTRAINT login_tokens_pkey PRIMARY KEY (id);

--
-- Name: login_tokens login_tokens_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_tokens
    ADD CONSTRAINT login_tokens_token_hash_key UNIQUE (token_hash);

--
-- Name: members members_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.members
    ADD CONSTRAINT members_org_id_id_key UNIQUE (org_id, id);

--
-- Name: members members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.members
    ADD CONSTRAINT members_pkey PRIMARY KEY (id);

--
-- Name: messages messages_message_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_message_id_key UNIQUE (message_id);

--
-- Name: messages messages_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_org_id_id_key UNIQUE (org_id, id);

--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);

--
-- Name: messages messages_reply_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_reply_token_hash_key UNIQUE (reply_token_hash);

--
-- Name: organizations organizations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT organizations_pkey PRIMARY KEY (id);

--
-- Name: placements placements_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_id_key UNIQUE (org_id, id);

--
-- Name: placements placements_org_id_submission_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_submission_id_key UNIQUE (org_id, submission_id);

--
-- Name: placements placements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_pkey PRIMARY KEY (id);

--
-- Name: pool_memberships pool_memberships_org_id_candidate_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pool_memberships
    ADD CONSTRAINT pool_memberships_org_id_candidate_id_key UNIQUE (org_id, candidate_id);

--
-- Name: pool_memberships pool_memberships_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pool_memberships
    ADD CONSTRAINT pool_memberships_org_id_id_key UNIQUE (org_id, id);

--
-- Name: pool_memberships pool_memberships_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pool_memberships
    ADD CONSTRAINT pool_memberships_pkey PRIMARY KEY (id);

--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);

--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);

--
-- Name: sessions sessions_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_token_hash_key UNIQUE (token_hash);

--
-- Name: sign_in_attempts sign_in_attempts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_attempts
    ADD CONSTRAINT sign_in_attempts_pkey PRIMARY KEY (key);

--
-- Name: sso_configs sso_configs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sso_configs
    ADD CONSTRAINT sso_configs_pkey PRIMARY KEY (org_id);

--
-- Name: sso_domains sso_domains_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sso_domains
    ADD CONSTRAINT sso_domains_pkey PRIMARY KEY (domain);

--
-- Name: sso_logins sso_logins_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sso_logins
    ADD CONSTRAINT sso_logins_pkey PRIMARY KEY (state_hash);

--
-- Name: status_links status_links_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.status_links
    ADD CONSTRAINT status_links_org_id_id_key UNIQUE (org_id, id);

--
-- Name: status_links status_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.status_links
    ADD CONSTRAINT status_links_pkey PRIMARY KEY (id);

--
-- Name: status_links status_links_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.status_links
    ADD CONSTRAINT status_links_token_hash_key UNIQUE (token_hash);

--
-- Name: submissions submissions_org_id_application_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_application_id_key UNIQUE (org_id, application_id);

--
-- Name: submissions submissions_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_id_key UNIQUE (org_id, id);

--
-- Name: submissions submissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_pkey PRIMARY KEY (id);

--
-- Name: templates templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.templates
    ADD CONSTRAINT templates_pkey PRIMARY KEY (org_id, key);

--
-- Name: touchpoints touchpoints_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.touchpoints
    ADD CONSTRAINT touchpoints_org_id_id_key UNIQUE (org_id, id);

--
-- Name: touchpoints touchpoints_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.touchpoints
    ADD CONSTRAINT touchpoints_pkey PRIMARY KEY (id);

--
-- Name: webhook_attempts webhook_attempts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_attempts
    ADD CONSTRAINT webhook_attempts_pkey PRIMARY KEY (id);

--
-- Name: webhook_deliveries webhook_deliveries_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_org_id_id_key UNIQUE (org_id, id);

--
-- Name: webhook_deliveries webhook_deliveries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id);

--
-- Name: webhook_endpoints webhook_endpoints_org_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_org_id_id_key UNIQUE (org_id, id);

--
-- Name: webhook_endpoints webhook_endpoints_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (id);

--
-- Name: api_tokens_member_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_tokens_member_idx ON public.api_tokens USING btree (org_id, member_id);

--
-- Name: api_tokens_org_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_tokens_org_idx ON public.api_tokens USING btree (org_id);

--
-- Name: applications_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX applications_candidate_idx ON public.applications USING btree (org_id, candidate_id);

--
-- Name: applications_external_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX applications_external_idx ON public.applications USING btree (org_id, external_id) WHERE (external_id IS NOT NULL);

--
-- Name: applications_org_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX applications_org_created_idx ON public.applications USING btree (org_id, created_at, id);

--
-- Name: applications_org_job_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX applications_org_job_idx ON public.applications USING btree (org_id, id) INCLUDE (job_id);

--
-- Name: audit_log_org_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_org_at_idx ON public.audit_log USING btree (org_id, at);

--
-- Name: calendar_feeds_one_active_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX calendar_feeds_one_active_idx ON public.calendar_feeds USING btree (org_id, member_id) WHERE (revoked_at IS NULL);

--
-- Name: candidates_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX candidates_email_idx ON public.candidates USING btree (org_id, lower(email)) WHERE (email IS NOT NULL);

--
-- Name: candidates_external_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX candidates_external_idx ON public.candidates USING btree (org_id, external_id) WHERE (external_id IS NOT NULL);

--
-- Name: candidates_org_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidates_org_created_idx ON public.candidates USING btree (org_id, created_at, id);

--
-- Name: client_answer_links_submission_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX client_answer_links_submission_idx ON public.client_answer_links USING btree (org_id, submission_id);

--
-- Name: client_contact_logs_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX client_contact_logs_contact_idx ON public.client_contact_logs USING btree (org_id, contact_id, occurred_at);

--
-- Name: client_contacts_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX client_contacts_client_idx ON public.client_contacts USING btree (org_id, client_id, created_at, id);

--
-- Name: clients_org_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX clients_org_created_idx ON public.clients USING btree (org_id, created_at, id);

--
-- Name: debriefs_submission_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX debriefs_submission_idx ON public.debriefs USING btree (org_id, submission_id, occurred_at);

--
-- Name: decisions_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX decisions_application_idx ON public.decisions USING btree (org_id, application_id, decided_at);

--
-- Name: dev_mailbox_org_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dev_mailbox_org_idx ON public.dev_mailbox USING btree (org_id, delivered_at);

--
-- Name: events_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_application_idx ON public.events USING btree (org_id, application_id, at) WHERE (application_id IS NOT NULL);

--
-- Name: events_org_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX events_org_at_idx ON public.events USING btree (org_id, at);

--
-- Name: follow_ups_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_application_idx ON public.follow_ups USING btree (org_id, application_id);

--
-- Name: follow_ups_next_action_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_next_action_idx ON public.follow_ups USING btree (next_action_at) WHERE (status = 'open'::text);

--
-- Name: follow_ups_one_open_decide_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX follow_ups_one_open_decide_by_idx ON public.follow_ups USING btree (org_id, application_id) WHERE ((kind = 'decision_due'::text) AND (status = 'open'::text));

--
-- Name: follow_ups_one_open_outcome_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX follow_ups_one_open_outcome_idx ON public.follow_ups USING btree (org_id, application_id) WHERE ((kind = 'outcome'::text) AND (status = 'open'::text));

--
-- Name: follow_ups_one_open_scorecard_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX follow_ups_one_open_scorecard_idx ON public.follow_ups USING btree (org_id, interview_id, owner_id) WHERE ((kind = 'feedback_due'::text) AND (owed_to = 'team'::text) AND (status = 'open'::text));

--
-- Name: follow_ups_open_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_open_due_idx ON public.follow_ups USING btree (due_at) WHERE (status = 'open'::text);

--
-- Name: follow_ups_org_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_org_due_idx ON public.follow_ups USING btree (org_id, due_at, id);

--
-- Name: follow_ups_org_next_action_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_org_next_action_idx ON public.follow_ups USING btree (org_id, next_action_at) WHERE ((status = 'open'::text) AND (kind = 'outcome'::text));

--
-- Name: follow_ups_outcome_report_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_outcome_report_idx ON public.follow_ups USING btree (org_id, application_id) INCLUDE (status, created_at, done_at, due_at, promised_due_at, cancel_reason, owner_id) WHERE (kind = 'outcome'::text);

--
-- Name: follow_ups_owned_next_action_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_owned_next_action_idx ON public.follow_ups USING btree (next_action_at) WHERE ((status = 'open'::text) AND (kind <> 'outcome'::text) AND (owner_id IS NOT NULL));

--
-- Name: follow_ups_owner_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_owner_due_idx ON public.follow_ups USING btree (org_id, owner_id, due_at) WHERE (status = 'open'::text);

--
-- Name: follow_ups_placement_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_placement_idx ON public.follow_ups USING btree (org_id, placement_id) WHERE (placement_id IS NOT NULL);

--
-- Name: follow_ups_submission_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX follow_ups_submission_idx ON public.follow_ups USING btree (org_id, submission_id) WHERE (submission_id IS NOT NULL);

--
-- Name: import_runs_org_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX import_runs_org_idx ON public.import_runs USING btree (org_id, created_at, id);

--
-- Name: inbound_emails_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX inbound_emails_application_idx ON public.inbound_emails USING btree (org_id, application_id, received_at) WHERE (application_id IS NOT NULL);

--
-- Name: inbound_emails_org_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX inbound_emails_org_status_idx ON public.inbound_emails USING btree (org_id, status, received_at, id);

--
-- Name: interview_interviewers_member_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX interview_interviewers_member_idx ON public.interview_interviewers USING btree (org_id, member_id);

--
-- Name: interviews_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX interviews_application_idx ON public.interviews USING btree (org_id, application_id);

--
-- Name: interviews_external_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX interviews_external_idx ON public.interviews USING btree (org_id, external_id) WHERE (external_id IS NOT NULL);

--
-- Name: interviews_org_closed_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX interviews_org_closed_idx ON public.interviews USING btree (org_id, closed_at) WHERE (closed_at IS NOT NULL);

--
-- Name: interviews_org_scheduled_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX interviews_org_scheduled_idx ON public.interviews USING btree (org_id, scheduled_at) WHERE (scheduled_at IS NOT NULL);

--
-- Name: interviews_report_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX interviews_report_idx ON public.interviews USING btree (org_id, application_id, closed_at) WHERE ((closed_at IS NOT NULL) AND (submission_id IS NULL));

--
-- Name: interviews_submission_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX interviews_submission_idx ON public.interviews USING btree (org_id, submission_id) WHERE (submission_id IS NOT NULL);

--
-- Name: jobs_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_client_idx ON public.jobs USING btree (org_id, client_id) WHERE (client_id IS NOT NULL);

--
-- Name: jobs_external_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX jobs_external_idx ON public.jobs USING btree (org_id, external_id) WHERE (external_id IS NOT NULL);

--
-- Name: jobs_org_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_org_created_idx ON public.jobs USING btree (org_id, created_at, id);

--
-- Name: members_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX members_email_idx ON public.members USING btree (org_id, lower(email));

--
-- Name: messages_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_application_idx ON public.messages USING btree (org_id, application_id, created_at);

--
-- Name: messages_follow_up_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_follow_up_idx ON public.messages USING btree (org_id, follow_up_id) WHERE (follow_up_id IS NOT NULL);

--
-- Name: messages_lease_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_lease_idx ON public.messages USING btree (lease_until) WHERE (status = 'sending'::text);

--
-- Name: messages_scheduled_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_scheduled_idx ON public.messages USING btree (send_at) WHERE (status = 'scheduled'::text);

--
-- Name: messages_sent_updates_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_sent_updates_idx ON public.messages USING btree (org_id, application_id) WHERE ((kind = 'update'::text) AND (status = 'sent'::text));

--
-- Name: placements_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX placements_client_idx ON public.placements USING btree (org_id, client_id);

--
-- Name: placements_org_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX placements_org_created_idx ON public.placements USING btree (org_id, created_at, id);

--
-- Name: pool_memberships_expiry_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pool_memberships_expiry_idx ON public.pool_memberships USING btree (consent_until) WHERE (status = 'opted_in'::text);

--
-- Name: pool_memberships_tags_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pool_memberships_tags_idx ON public.pool_memberships USING gin (tags);

--
-- Name: sessions_member_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sessions_member_idx ON public.sessions USING btree (org_id, member_id) WHERE (revoked_at IS NULL);

--
-- Name: sign_in_attempts_last_failure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sign_in_attempts_last_failure_idx ON public.sign_in_attempts USING btree (last_failure_at);

--
-- Name: sso_domains_org_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sso_domains_org_idx ON public.sso_domains USING btree (org_id);

--
-- Name: sso_logins_expires_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sso_logins_expires_idx ON public.sso_logins USING btree (expires_at);

--
-- Name: status_links_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX status_links_application_idx ON public.status_links USING btree (org_id, application_id);

--
-- Name: submissions_client_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX submissions_client_candidate_idx ON public.submissions USING btree (org_id, client_id, candidate_id, submitted_at);

--
-- Name: submissions_org_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX submissions_org_created_idx ON public.submissions USING btree (org_id, created_at, id);

--
-- Name: touchpoints_application_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX touchpoints_application_idx ON public.touchpoints USING btree (org_id, application_id, occurred_at);

--
-- Name: touchpoints_candidate_check_ins_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX touchpoints_candidate_check_ins_idx ON public.touchpoints USING btree (org_id, application_id) WHERE ((kind = 'check_in'::text) AND (from_party = 'candidate'::text));

--
-- Name: webhook_attempts_delivery_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_attempts_delivery_idx ON public.webhook_attempts USING btree (org_id, delivery_id, at);

--
-- Name: webhook_deliveries_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_deliveries_due_idx ON public.webhook_deliveries USING btree (next_attempt_at) WHERE (status = 'pending'::text);

--
-- Name: webhook_deliveries_endpoint_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_deliveries_endpoint_idx ON public.webhook_deliveries USING btree (org_id, endpoint_id, created_at, id);

--
-- Name: webhook_deliveries_lease_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_deliveries_lease_idx ON public.webhook_deliveries USING btree (lease_until) WHERE (status = 'delivering'::text);

--
-- Name: applications applications_stage_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER applications_stage_changed BEFORE UPDATE OF stage ON public.applications FOR EACH ROW WHEN ((new.stage IS DISTINCT FROM old.stage)) EXECUTE FUNCTION public.applications_stage_changed();

--
-- Name: api_tokens api_tokens_member_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_member_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: api_tokens api_tokens_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: applications applications_org_id_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_org_id_candidate_id_fkey FOREIGN KEY (org_id, candidate_id) REFERENCES public.candidates(org_id, id);

--
-- Name: applications applications_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: applications applications_org_id_job_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_org_id_job_id_fkey FOREIGN KEY (org_id, job_id) REFERENCES public.jobs(org_id, id);

--
-- Name: audit_log audit_log_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: calendar_feeds calendar_feeds_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: calendar_feeds calendar_feeds_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: candidate_client_declarations candidate_client_declarations_org_id_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_client_declarations
    ADD CONSTRAINT candidate_client_declarations_org_id_candidate_id_fkey FOREIGN KEY (org_id, candidate_id) REFERENCES public.candidates(org_id, id);

--
-- Name: candidate_client_declarations candidate_client_declarations_org_id_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_client_declarations
    ADD CONSTRAINT candidate_client_declarations_org_id_client_id_fkey FOREIGN KEY (org_id, client_id) REFERENCES public.clients(org_id, id);

--
-- Name: candidate_client_declarations candidate_client_declarations_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_client_declarations
    ADD CONSTRAINT candidate_client_declarations_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: candidate_client_declarations candidate_client_declarations_org_id_recorded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_client_declarations
    ADD CONSTRAINT candidate_client_declarations_org_id_recorded_by_fkey FOREIGN KEY (org_id, recorded_by) REFERENCES public.members(org_id, id);

--
-- Name: candidate_ratings candidate_ratings_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_ratings
    ADD CONSTRAINT candidate_ratings_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: candidate_ratings candidate_ratings_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_ratings
    ADD CONSTRAINT candidate_ratings_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: candidate_sessions candidate_sessions_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_sessions
    ADD CONSTRAINT candidate_sessions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: candidate_sessions candidate_sessions_org_id_status_link_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_sessions
    ADD CONSTRAINT candidate_sessions_org_id_status_link_id_fkey FOREIGN KEY (org_id, status_link_id) REFERENCES public.status_links(org_id, id);

--
-- Name: candidates candidates_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: client_answer_links client_answer_links_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_answer_links
    ADD CONSTRAINT client_answer_links_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: client_answer_links client_answer_links_org_id_submission_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_answer_links
    ADD CONSTRAINT client_answer_links_org_id_submission_id_fkey FOREIGN KEY (org_id, submission_id) REFERENCES public.submissions(org_id, id);

--
-- Name: client_contact_logs client_contact_logs_org_id_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contact_logs
    ADD CONSTRAINT client_contact_logs_org_id_contact_id_fkey FOREIGN KEY (org_id, contact_id) REFERENCES public.client_contacts(org_id, id);

--
-- Name: client_contact_logs client_contact_logs_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contact_logs
    ADD CONSTRAINT client_contact_logs_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: client_contact_logs client_contact_logs_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contact_logs
    ADD CONSTRAINT client_contact_logs_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: client_contact_logs client_contact_logs_org_id_next_follow_up_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contact_logs
    ADD CONSTRAINT client_contact_logs_org_id_next_follow_up_id_fkey FOREIGN KEY (org_id, next_follow_up_id) REFERENCES public.follow_ups(org_id, id);

--
-- Name: client_contact_logs client_contact_logs_org_id_submission_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contact_logs
    ADD CONSTRAINT client_contact_logs_org_id_submission_id_fkey FOREIGN KEY (org_id, submission_id) REFERENCES public.submissions(org_id, id);

--
-- Name: client_contacts client_contacts_org_id_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contacts
    ADD CONSTRAINT client_contacts_org_id_client_id_fkey FOREIGN KEY (org_id, client_id) REFERENCES public.clients(org_id, id);

--
-- Name: client_contacts client_contacts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.client_contacts
    ADD CONSTRAINT client_contacts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: clients clients_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.clients
    ADD CONSTRAINT clients_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: debriefs debriefs_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: debriefs debriefs_org_id_interview_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_org_id_interview_id_fkey FOREIGN KEY (org_id, interview_id) REFERENCES public.interviews(org_id, id);

--
-- Name: debriefs debriefs_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: debriefs debriefs_org_id_next_follow_up_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_org_id_next_follow_up_id_fkey FOREIGN KEY (org_id, next_follow_up_id) REFERENCES public.follow_ups(org_id, id);

--
-- Name: debriefs debriefs_org_id_submission_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_org_id_submission_id_fkey FOREIGN KEY (org_id, submission_id) REFERENCES public.submissions(org_id, id);

--
-- Name: debriefs debriefs_org_id_touchpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.debriefs
    ADD CONSTRAINT debriefs_org_id_touchpoint_id_fkey FOREIGN KEY (org_id, touchpoint_id) REFERENCES public.touchpoints(org_id, id);

--
-- Name: decisions decisions_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decisions
    ADD CONSTRAINT decisions_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: decisions decisions_org_id_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decisions
    ADD CONSTRAINT decisions_org_id_decided_by_fkey FOREIGN KEY (org_id, decided_by) REFERENCES public.members(org_id, id);

--
-- Name: decisions decisions_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decisions
    ADD CONSTRAINT decisions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: dev_mailbox dev_mailbox_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dev_mailbox
    ADD CONSTRAINT dev_mailbox_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: digests digests_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: digests digests_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: events events_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: feedback_drafts feedback_drafts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_drafts
    ADD CONSTRAINT feedback_drafts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: feedback_drafts feedback_drafts_org_id_interview_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_drafts
    ADD CONSTRAINT feedback_drafts_org_id_interview_id_fkey FOREIGN KEY (org_id, interview_id) REFERENCES public.interviews(org_id, id);

--
-- Name: feedback_drafts feedback_drafts_org_id_interviewer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_drafts
    ADD CONSTRAINT feedback_drafts_org_id_interviewer_id_fkey FOREIGN KEY (org_id, interviewer_id) REFERENCES public.members(org_id, id);

--
-- Name: feedback feedback_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: feedback feedback_org_id_interview_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_org_id_interview_id_fkey FOREIGN KEY (org_id, interview_id) REFERENCES public.interviews(org_id, id);

--
-- Name: feedback feedback_org_id_interviewer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback
    ADD CONSTRAINT feedback_org_id_interviewer_id_fkey FOREIGN KEY (org_id, interviewer_id) REFERENCES public.members(org_id, id);

--
-- Name: feedback_versions feedback_versions_org_id_feedback_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_versions
    ADD CONSTRAINT feedback_versions_org_id_feedback_id_fkey FOREIGN KEY (org_id, feedback_id) REFERENCES public.feedback(org_id, id);

--
-- Name: feedback_versions feedback_versions_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_versions
    ADD CONSTRAINT feedback_versions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: feedback_versions feedback_versions_org_id_interview_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_versions
    ADD CONSTRAINT feedback_versions_org_id_interview_id_fkey FOREIGN KEY (org_id, interview_id) REFERENCES public.interviews(org_id, id);

--
-- Name: feedback_versions feedback_versions_org_id_interviewer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feedback_versions
    ADD CONSTRAINT feedback_versions_org_id_interviewer_id_fkey FOREIGN KEY (org_id, interviewer_id) REFERENCES public.members(org_id, id);

--
-- Name: follow_ups follow_ups_client_contact_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_client_contact_fkey FOREIGN KEY (org_id, client_contact_id) REFERENCES public.client_contacts(org_id, id);

--
-- Name: follow_ups follow_ups_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: follow_ups follow_ups_org_id_done_by_touchpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_org_id_done_by_touchpoint_id_fkey FOREIGN KEY (org_id, done_by_touchpoint_id) REFERENCES public.touchpoints(org_id, id);

--
-- Name: follow_ups follow_ups_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: follow_ups follow_ups_org_id_interview_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_org_id_interview_id_fkey FOREIGN KEY (org_id, interview_id) REFERENCES public.interviews(org_id, id);

--
-- Name: follow_ups follow_ups_org_id_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_org_id_owner_id_fkey FOREIGN KEY (org_id, owner_id) REFERENCES public.members(org_id, id);

--
-- Name: follow_ups follow_ups_org_id_superseded_by_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_org_id_superseded_by_id_fkey FOREIGN KEY (org_id, superseded_by_id) REFERENCES public.follow_ups(org_id, id);

--
-- Name: follow_ups follow_ups_placement_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_placement_fkey FOREIGN KEY (org_id, placement_id) REFERENCES public.placements(org_id, id);

--
-- Name: follow_ups follow_ups_submission_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_submission_fkey FOREIGN KEY (org_id, submission_id) REFERENCES public.submissions(org_id, id);

--
-- Name: idempotency_keys idempotency_keys_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT idempotency_keys_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: import_runs import_runs_org_id_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_runs
    ADD CONSTRAINT import_runs_org_id_created_by_fkey FOREIGN KEY (org_id, created_by) REFERENCES public.members(org_id, id);

--
-- Name: import_runs import_runs_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_runs
    ADD CONSTRAINT import_runs_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: inbound_emails inbound_emails_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: inbound_emails inbound_emails_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: inbound_emails inbound_emails_org_id_handled_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_org_id_handled_by_fkey FOREIGN KEY (org_id, handled_by) REFERENCES public.members(org_id, id);

--
-- Name: inbound_emails inbound_emails_org_id_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_org_id_message_id_fkey FOREIGN KEY (org_id, message_id) REFERENCES public.messages(org_id, id);

--
-- Name: inbound_emails inbound_emails_org_id_touchpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_emails
    ADD CONSTRAINT inbound_emails_org_id_touchpoint_id_fkey FOREIGN KEY (org_id, touchpoint_id) REFERENCES public.touchpoints(org_id, id);

--
-- Name: interview_interviewers interview_interviewers_org_id_interview_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interview_interviewers
    ADD CONSTRAINT interview_interviewers_org_id_interview_id_fkey FOREIGN KEY (org_id, interview_id) REFERENCES public.interviews(org_id, id);

--
-- Name: interview_interviewers interview_interviewers_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interview_interviewers
    ADD CONSTRAINT interview_interviewers_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: interviews interviews_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interviews
    ADD CONSTRAINT interviews_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: interviews interviews_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interviews
    ADD CONSTRAINT interviews_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: interviews interviews_org_id_promise_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interviews
    ADD CONSTRAINT interviews_org_id_promise_owner_id_fkey FOREIGN KEY (org_id, promise_owner_id) REFERENCES public.members(org_id, id);

--
-- Name: interviews interviews_submission_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interviews
    ADD CONSTRAINT interviews_submission_fkey FOREIGN KEY (org_id, submission_id) REFERENCES public.submissions(org_id, id);

--
-- Name: jobs jobs_client_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_client_fkey FOREIGN KEY (org_id, client_id) REFERENCES public.clients(org_id, id);

--
-- Name: jobs jobs_hiring_authority_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_hiring_authority_fkey FOREIGN KEY (org_id, client_id, hiring_authority_id) REFERENCES public.client_contacts(org_id, client_id, id);

--
-- Name: jobs jobs_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: jobs jobs_org_id_hiring_manager_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_org_id_hiring_manager_id_fkey FOREIGN KEY (org_id, hiring_manager_id) REFERENCES public.members(org_id, id);

--
-- Name: jobs jobs_org_id_recruiter_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_org_id_recruiter_id_fkey FOREIGN KEY (org_id, recruiter_id) REFERENCES public.members(org_id, id);

--
-- Name: login_tokens login_tokens_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_tokens
    ADD CONSTRAINT login_tokens_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: login_tokens login_tokens_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_tokens
    ADD CONSTRAINT login_tokens_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: members members_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.members
    ADD CONSTRAINT members_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: messages messages_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: messages messages_org_id_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_org_id_created_by_fkey FOREIGN KEY (org_id, created_by) REFERENCES public.members(org_id, id);

--
-- Name: messages messages_org_id_decision_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_org_id_decision_id_fkey FOREIGN KEY (org_id, decision_id) REFERENCES public.decisions(org_id, id);

--
-- Name: messages messages_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: messages messages_org_id_follow_up_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_org_id_follow_up_id_fkey FOREIGN KEY (org_id, follow_up_id) REFERENCES public.follow_ups(org_id, id);

--
-- Name: messages messages_org_id_to_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_org_id_to_member_id_fkey FOREIGN KEY (org_id, to_member_id) REFERENCES public.members(org_id, id);

--
-- Name: placements placements_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: placements placements_org_id_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_candidate_id_fkey FOREIGN KEY (org_id, candidate_id) REFERENCES public.candidates(org_id, id);

--
-- Name: placements placements_org_id_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_client_id_fkey FOREIGN KEY (org_id, client_id) REFERENCES public.clients(org_id, id);

--
-- Name: placements placements_org_id_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_created_by_fkey FOREIGN KEY (org_id, created_by) REFERENCES public.members(org_id, id);

--
-- Name: placements placements_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: placements placements_org_id_job_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_job_id_fkey FOREIGN KEY (org_id, job_id) REFERENCES public.jobs(org_id, id);

--
-- Name: placements placements_org_id_recruiter_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_recruiter_id_fkey FOREIGN KEY (org_id, recruiter_id) REFERENCES public.members(org_id, id);

--
-- Name: placements placements_org_id_replacement_follow_up_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_replacement_follow_up_id_fkey FOREIGN KEY (org_id, replacement_follow_up_id) REFERENCES public.follow_ups(org_id, id);

--
-- Name: placements placements_org_id_submission_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_org_id_submission_id_fkey FOREIGN KEY (org_id, submission_id) REFERENCES public.submissions(org_id, id);

--
-- Name: pool_memberships pool_memberships_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pool_memberships
    ADD CONSTRAINT pool_memberships_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: pool_memberships pool_memberships_org_id_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pool_memberships
    ADD CONSTRAINT pool_memberships_org_id_candidate_id_fkey FOREIGN KEY (org_id, candidate_id) REFERENCES public.candidates(org_id, id);

--
-- Name: pool_memberships pool_memberships_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pool_memberships
    ADD CONSTRAINT pool_memberships_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: pool_memberships pool_memberships_org_id_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pool_memberships
    ADD CONSTRAINT pool_memberships_org_id_owner_id_fkey FOREIGN KEY (org_id, owner_id) REFERENCES public.members(org_id, id);

--
-- Name: sessions sessions_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: sessions sessions_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: sso_configs sso_configs_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sso_configs
    ADD CONSTRAINT sso_configs_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: sso_domains sso_domains_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sso_domains
    ADD CONSTRAINT sso_domains_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.sso_configs(org_id) ON DELETE CASCADE;

--
-- Name: sso_logins sso_logins_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sso_logins
    ADD CONSTRAINT sso_logins_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: status_links status_links_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.status_links
    ADD CONSTRAINT status_links_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: status_links status_links_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.status_links
    ADD CONSTRAINT status_links_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: submissions submissions_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: submissions submissions_org_id_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_candidate_id_fkey FOREIGN KEY (org_id, candidate_id) REFERENCES public.candidates(org_id, id);

--
-- Name: submissions submissions_org_id_client_id_contact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_client_id_contact_id_fkey FOREIGN KEY (org_id, client_id, contact_id) REFERENCES public.client_contacts(org_id, client_id, id);

--
-- Name: submissions submissions_org_id_client_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_client_id_fkey FOREIGN KEY (org_id, client_id) REFERENCES public.clients(org_id, id);

--
-- Name: submissions submissions_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: submissions submissions_org_id_job_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_job_id_fkey FOREIGN KEY (org_id, job_id) REFERENCES public.jobs(org_id, id);

--
-- Name: submissions submissions_org_id_recruiter_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_org_id_recruiter_id_fkey FOREIGN KEY (org_id, recruiter_id) REFERENCES public.members(org_id, id);

--
-- Name: templates templates_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.templates
    ADD CONSTRAINT templates_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: touchpoints touchpoints_org_id_application_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.touchpoints
    ADD CONSTRAINT touchpoints_org_id_application_id_fkey FOREIGN KEY (org_id, application_id) REFERENCES public.applications(org_id, id);

--
-- Name: touchpoints touchpoints_org_id_decision_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.touchpoints
    ADD CONSTRAINT touchpoints_org_id_decision_id_fkey FOREIGN KEY (org_id, decision_id) REFERENCES public.decisions(org_id, id);

--
-- Name: touchpoints touchpoints_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.touchpoints
    ADD CONSTRAINT touchpoints_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: touchpoints touchpoints_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.touchpoints
    ADD CONSTRAINT touchpoints_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: webhook_attempts webhook_attempts_org_id_delivery_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_attempts
    ADD CONSTRAINT webhook_attempts_org_id_delivery_id_fkey FOREIGN KEY (org_id, delivery_id) REFERENCES public.webhook_deliveries(org_id, id);

--
-- Name: webhook_attempts webhook_attempts_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_attempts
    ADD CONSTRAINT webhook_attempts_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: webhook_deliveries webhook_deliveries_org_id_endpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_org_id_endpoint_id_fkey FOREIGN KEY (org_id, endpoint_id) REFERENCES public.webhook_endpoints(org_id, id);

--
-- Name: webhook_deliveries webhook_deliveries_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: webhook_endpoints webhook_endpoints_org_id_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_org_id_created_by_fkey FOREIGN KEY (org_id, created_by) REFERENCES public.members(org_id, id);

--
-- Name: webhook_endpoints webhook_endpoints_org_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.organizations(id);

--
-- Name: webhook_endpoints webhook_endpoints_org_id_member_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_org_id_member_id_fkey FOREIGN KEY (org_id, member_id) REFERENCES public.members(org_id, id);

--
-- Name: api_tokens; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.api_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: applications; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.applications ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: feedback_drafts author_only; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY author_only ON public.feedback_drafts AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_id() AS app_member_id) IS NULL) OR (interviewer_id = ( SELECT public.app_member_id() AS app_member_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_id() AS app_member_id) IS NULL) OR (interviewer_id = ( SELECT public.app_member_id() AS app_member_id))));

--
-- Name: calendar_feeds; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.calendar_feeds ENABLE ROW LEVEL SECURITY;

--
-- Name: candidate_client_declarations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.candidate_client_declarations ENABLE ROW LEVEL SECURITY;

--
-- Name: candidate_ratings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.candidate_ratings ENABLE ROW LEVEL SECURITY;

--
-- Name: candidate_sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.candidate_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: candidates; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.candidates ENABLE ROW LEVEL SECURITY;

--
-- Name: client_answer_links; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.client_answer_links ENABLE ROW LEVEL SECURITY;

--
-- Name: client_contact_logs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.client_contact_logs ENABLE ROW LEVEL SECURITY;

--
-- Name: client_contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.client_contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: clients; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.clients ENABLE ROW LEVEL SECURITY;

--
-- Name: debriefs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.debriefs ENABLE ROW LEVEL SECURITY;

--
-- Name: decisions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.decisions ENABLE ROW LEVEL SECURITY;

--
-- Name: dev_mailbox; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.dev_mailbox ENABLE ROW LEVEL SECURITY;

--
-- Name: digests; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.digests ENABLE ROW LEVEL SECURITY;

--
-- Name: events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;

--
-- Name: feedback; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.feedback ENABLE ROW LEVEL SECURITY;

--
-- Name: feedback_drafts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.feedback_drafts ENABLE ROW LEVEL SECURITY;

--
-- Name: feedback_versions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.feedback_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: follow_ups; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.follow_ups ENABLE ROW LEVEL SECURITY;

--
-- Name: idempotency_keys; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.idempotency_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: imap_cursors; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.imap_cursors ENABLE ROW LEVEL SECURITY;

--
-- Name: import_runs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.import_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: inbound_emails; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.inbound_emails ENABLE ROW LEVEL SECURITY;

--
-- Name: interview_interviewers; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.interview_interviewers ENABLE ROW LEVEL SECURITY;

--
-- Name: applications interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.applications AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR public.app_interviews_application(id)));

--
-- Name: candidate_client_declarations interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.candidate_client_declarations AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: candidates interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.candidates AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR public.app_interviews_candidate(id)));

--
-- Name: client_answer_links interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.client_answer_links AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: client_contact_logs interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.client_contact_logs AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: client_contacts interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.client_contacts AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: clients interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.clients AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: debriefs interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.debriefs AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: decisions interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.decisions AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: events interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.events AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: feedback interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.feedback AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR (interviewer_id = ( SELECT public.app_member_id() AS app_member_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR (interviewer_id = ( SELECT public.app_member_id() AS app_member_id))));

--
-- Name: feedback_versions interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.feedback_versions AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR (interviewer_id = ( SELECT public.app_member_id() AS app_member_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR (interviewer_id = ( SELECT public.app_member_id() AS app_member_id))));

--
-- Name: follow_ups interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.follow_ups AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR public.app_interviews_application(application_id)));

--
-- Name: inbound_emails interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.inbound_emails AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: interviews interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.interviews AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR public.app_interviews_application(application_id)));

--
-- Name: messages interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.messages AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: placements interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.placements AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: pool_memberships interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.pool_memberships AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: submissions interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.submissions AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text)));

--
-- Name: touchpoints interviewer_scope; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY interviewer_scope ON public.touchpoints AS RESTRICTIVE USING ((( SELECT public.app_is_system() AS app_is_system) OR (( SELECT public.app_member_role() AS app_member_role) IS DISTINCT FROM 'interviewer'::text) OR public.app_interviews_application(application_id)));

--
-- Name: interviews; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.interviews ENABLE ROW LEVEL SECURITY;

--
-- Name: jobs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: login_tokens; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.login_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: members; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.members ENABLE ROW LEVEL SECURITY;

--
-- Name: messages; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.messages ENABLE ROW LEVEL SECURITY;

--
-- Name: organizations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.organizations ENABLE ROW LEVEL SECURITY;

--
-- Name: placements; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.placements ENABLE ROW LEVEL SECURITY;

--
-- Name: pool_memberships; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.pool_memberships ENABLE ROW LEVEL SECURITY;

--
-- Name: sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: sign_in_attempts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sign_in_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: sso_configs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sso_configs ENABLE ROW LEVEL SECURITY;

--
-- Name: sso_domains; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sso_domains ENABLE ROW LEVEL SECURITY;

--
-- Name: sso_logins; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sso_logins ENABLE ROW LEVEL SECURITY;

--
-- Name: status_links; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.status_links ENABLE ROW LEVEL SECURITY;

--
-- Name: submissions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.submissions ENABLE ROW LEVEL SECURITY;

--
-- Name: imap_cursors system_only; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY system_only ON public.imap_cursors USING (( SELECT public.app_is_system() AS app_is_system)) WITH CHECK (( SELECT public.app_is_system() AS app_is_system));

--
-- Name: sign_in_attempts system_only; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY system_only ON public.sign_in_attempts USING (( SELECT public.app_is_system() AS app_is_system)) WITH CHECK (( SELECT public.app_is_system() AS app_is_system));

--
-- Name: templates; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.templates ENABLE ROW LEVEL SECURITY;

--
-- Name: api_tokens tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.api_tokens USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: applications tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.applications USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: audit_log tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.audit_log USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: calendar_feeds tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.calendar_feeds USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: candidate_client_declarations tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.candidate_client_declarations USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: candidate_ratings tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.candidate_ratings USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: candidate_sessions tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.candidate_sessions USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: candidates tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.candidates USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: client_answer_links tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.client_answer_links USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: client_contact_logs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.client_contact_logs USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: client_contacts tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.client_contacts USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: clients tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.clients USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: debriefs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.debriefs USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: decisions tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.decisions USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: dev_mailbox tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.dev_mailbox USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: digests tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.digests USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: events tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.events USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: feedback tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.feedback USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: feedback_drafts tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.feedback_drafts USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: feedback_versions tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.feedback_versions USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: follow_ups tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.follow_ups USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: idempotency_keys tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.idempotency_keys USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: import_runs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.import_runs USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: inbound_emails tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.inbound_emails USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: interview_interviewers tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.interview_interviewers USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: interviews tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.interviews USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: jobs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.jobs USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: login_tokens tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.login_tokens USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: members tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.members USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: messages tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.messages USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: organizations tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.organizations USING ((( SELECT public.app_is_system() AS app_is_system) OR (id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: placements tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.placements USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: pool_memberships tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.pool_memberships USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: sessions tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.sessions USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: sso_configs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.sso_configs USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: sso_domains tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.sso_domains USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: sso_logins tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.sso_logins USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: status_links tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.status_links USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: submissions tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.submissions USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: templates tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.templates USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: touchpoints tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.touchpoints USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: webhook_attempts tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.webhook_attempts USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: webhook_deliveries tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.webhook_deliveries USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: webhook_endpoints tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.webhook_endpoints USING ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id)))) WITH CHECK ((( SELECT public.app_is_system() AS app_is_system) OR (org_id = ( SELECT public.app_org_id() AS app_org_id))));

--
-- Name: touchpoints; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.touchpoints ENABLE ROW LEVEL SECURITY;

--
-- Name: webhook_attempts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.webhook_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: webhook_deliveries; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.webhook_deliveries ENABLE ROW LEVEL SECURITY;

--
-- Name: webhook_endpoints; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.webhook_endpoints ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO hearback_app;
GRANT USAGE ON SCHEMA public TO hearback_system;

--
-- Name: FUNCTION app_interviews_application(application uuid); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_interviews_application(application uuid) TO hearback_app;

--
-- Name: FUNCTION app_interviews_candidate(candidate uuid); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_interviews_candidate(candidate uuid) TO hearback_app;

--
-- Name: FUNCTION app_is_system(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_is_system() TO hearback_app;
GRANT ALL ON FUNCTION public.app_is_system() TO hearback_system;

--
-- Name: FUNCTION app_member_id(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_member_id() TO hearback_app;
GRANT ALL ON FUNCTION public.app_member_id() TO hearback_system;

--
-- Name: FUNCTION app_member_role(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_member_role() TO hearback_app;
GRANT ALL ON FUNCTION public.app_member_role() TO hearback_system;

--
-- Name: FUNCTION app_org_id(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.app_org_id() TO hearback_app;
GRANT ALL ON FUNCTION public.app_org_id() TO hearback_system;

--
-- Name: TABLE api_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_tokens TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_tokens TO hearback_system;

--
-- Name: TABLE applications; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.applications TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.applications TO hearback_system;

--
-- Name: TABLE audit_log; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.audit_log TO hearback_app;
GRANT SELECT,INSERT ON TABLE public.audit_log TO hearback_system;

--
-- Name: TABLE calendar_feeds; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_feeds TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_feeds TO hearback_system;

--
-- Name: TABLE candidate_client_declarations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidate_client_declarations TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidate_client_declarations TO hearback_system;

--
-- Name: TABLE candidate_ratings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidate_ratings TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidate_ratings TO hearback_system;

--
-- Name: TABLE candidate_sessions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidate_sessions TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidate_sessions TO hearback_system;

--
-- Name: TABLE candidates; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidates TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.candidates TO hearback_system;

--
-- Name: TABLE client_answer_links; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.client_answer_links TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.client_answer_links TO hearback_system;

--
-- Name: TABLE client_contact_logs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.client_contact_logs TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.client_contact_logs TO hearback_system;

--
-- Name: TABLE client_contacts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.client_contacts TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.client_contacts TO hearback_system;

--
-- Name: TABLE clients; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.clients TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.clients TO hearback_system;

--
-- Name: TABLE debriefs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.debriefs TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.debriefs TO hearback_system;

--
-- Name: TABLE decisions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.decisions TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.decisions TO hearback_system;

--
-- Name: TABLE dev_mailbox; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.dev_mailbox TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.dev_mailbox TO hearback_system;

--
-- Name: TABLE digests; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.digests TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.digests TO hearback_system;

--
-- Name: TABLE events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.events TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.events TO hearback_system;

--
-- Name: TABLE feedback; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.feedback TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.feedback TO hearback_system;

--
-- Name: TABLE feedback_drafts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.feedback_drafts TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.feedback_drafts TO hearback_system;

--
-- Name: TABLE feedback_versions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.feedback_versions TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.feedback_versions TO hearback_system;

--
-- Name: TABLE follow_ups; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.follow_ups TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.follow_ups TO hearback_system;

--
-- Name: TABLE idempotency_keys; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.idempotency_keys TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.idempotency_keys TO hearback_system;

--
-- Name: TABLE imap_cursors; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.imap_cursors TO hearback_system;

--
-- Name: TABLE import_runs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.import_runs TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.import_runs TO hearback_system;

--
-- Name: TABLE inbound_emails; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.inbound_emails TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.inbound_emails TO hearback_system;

--
-- Name: TABLE interview_interviewers; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.interview_interviewers TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.interview_interviewers TO hearback_system;

--
-- Name: TABLE interviews; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.interviews TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.interviews TO hearback_system;

--
-- Name: TABLE jobs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.jobs TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.jobs TO hearback_system;

--
-- Name: TABLE login_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.login_tokens TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.login_tokens TO hearback_system;

--
-- Name: TABLE members; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.members TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.members TO hearback_system;

--
-- Name: TABLE messages; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.messages TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.messages TO hearback_system;

--
-- Name: TABLE organizations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.organizations TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.organizations TO hearback_system;

--
-- Name: TABLE placements; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.placements TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.placements TO hearback_system;

--
-- Name: TABLE pool_memberships; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.pool_memberships TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.pool_memberships TO hearback_system;

--
-- Name: TABLE sessions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sessions TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sessions TO hearback_system;

--
-- Name: TABLE sign_in_attempts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sign_in_attempts TO hearback_system;

--
-- Name: TABLE sso_configs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sso_configs TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sso_configs TO hearback_system;

--
-- Name: TABLE sso_domains; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sso_domains TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sso_domains TO hearback_system;

--
-- Name: TABLE sso_logins; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sso_logins TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sso_logins TO hearback_system;

--
-- Name: TABLE status_links; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.status_links TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.status_links TO hearback_system;

--
-- Name: TABLE submissions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.submissions TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.submissions TO hearback_system;

--
-- Name: TABLE templates; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.templates TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.templates TO hearback_system;

--
-- Name: TABLE touchpoints; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.touchpoints TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.touchpoints TO hearback_system;

--
-- Name: TABLE webhook_attempts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook_attempts TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook_attempts TO hearback_system;

--
-- Name: TABLE webhook_deliveries; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook_deliveries TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook_deliveries TO hearback_system;

--
-- Name: TABLE webhook_endpoints; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook_endpoints TO hearback_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook_endpoints TO hearback_system;

--
-- PostgreSQL database dump complete
--
