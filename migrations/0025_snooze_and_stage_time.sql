-- Snooze (issue #17): a follow-up's reminders wait until a time, for a stated reason ("the hiring
-- manager is back from leave on Monday"). The sweep skips a snoozed follow-up until the snooze
-- ends; the service refuses a snooze past what a candidate was promised, so no promise to a
-- candidate lapses in silence. Who snoozed it and when is in the audit log and the events.
ALTER TABLE follow_ups ADD COLUMN snoozed_until timestamptz;
ALTER TABLE follow_ups ADD COLUMN snooze_reason text;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_snooze_reason_check
  CHECK ((snoozed_until IS NULL) = (snooze_reason IS NULL) AND length(snooze_reason) BETWEEN 1 AND 500);

-- The pipeline (issue #17) shows how long each application has been in its stage. Whatever changes
-- the stage (the API, an import, a close-out), the time it changed is the row's updated_at, which
-- every writer sets from the injected clock; rows that never moved count from created_at.
ALTER TABLE applications ADD COLUMN stage_changed_at timestamptz;
CREATE FUNCTION applications_stage_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.stage_changed_at := NEW.updated_at;
  RETURN NEW;
END
$$;
CREATE TRIGGER applications_stage_changed BEFORE UPDATE OF stage ON applications
  FOR EACH ROW WHEN (NEW.stage IS DISTINCT FROM OLD.stage) EXECUTE FUNCTION applications_stage_changed();
