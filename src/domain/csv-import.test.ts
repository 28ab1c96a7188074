import { describe, expect, it } from 'vitest';
import { mappingProblems, parseImportDateTime, readImportRow, suggestMapping } from './csv-import.ts';

describe('suggested mappings', () => {
  it('recognise common ATS headers', () => {
    const headers = [
      'Candidate ID',
      'First Name',
      'Last Name',
      'Email Address',
      'Phone',
      'Job ID',
      'Job Title',
      'Current Stage',
      'Status',
      'Application ID',
      'Interview',
      'Interview Date',
    ];
    expect(suggestMapping(headers)).toEqual({
      candidate_external_id: 'Candidate ID',
      candidate_first_name: 'First Name',
      candidate_last_name: 'Last Name',
      candidate_email: 'Email Address',
      candidate_phone: 'Phone',
      job_external_id: 'Job ID',
      job_title: 'Job Title',
      application_stage: 'Current Stage',
      application_status: 'Status',
      application_external_id: 'Application ID',
      interview_title: 'Interview',
      interview_scheduled_at: 'Interview Date',
    });
  });
  it('say what a mapping lacks', () => {
    expect(mappingProblems({ job_title: 'Job' }, ['Job'])).toEqual([
      'candidate_name: map a column to the name (or to first and last name)',
      'candidate_external_id: map the candidate id or the email, so a re-run finds the same person',
    ]);
    expect(
      mappingProblems({ job_title: 'Nope', candidate_name: 'N', candidate_email: 'E' }, ['N', 'E']),
    ).toEqual(['job_title: the file has no column "Nope"']);
  });
});

describe('reading a row', () => {
  const mapping = suggestMapping([
    'Job',
    'Name',
    'Email',
    'Status',
    'Interview',
    'Interview Date',
    'Interview End',
    'Time Zone',
    'Role Kind',
  ]);
  const row = (cells: Record<string, string>) =>
    readImportRow(
      { Job: 'AE', Name: 'Casey', Email: 'Casey@Example.com', ...cells },
      mapping,
      'Europe/London',
    );

  it('cleans a good row', () => {
    const r = row({
      Status: 'Rejected',
      Interview: 'Panel',
      'Interview Date': '2026-10-26 10:00',
      'Interview End': '2026-10-26T11:00:00Z',
      'Role Kind': 'client facing',
    });
    expect(r.errors).toEqual([]);
    expect(r.row).toMatchObject({
      job: { title: 'AE', roleKind: 'client_facing', externalId: null },
      candidate: { name: 'Casey', email: 'casey@example.com' },
      application: { status: 'rejected' },
      interview: {
        title: 'Panel',
        scheduledAt: new Date('2026-10-26T10:00:00Z'),
        endsAt: new Date('2026-10-26T11:00:00Z'),
      },
    });
  });
  it('lists every problem of a bad row', () => {
    const r = row({
      Email: 'not-an-email',
      Status: 'maybe',
      'Interview Date': 'tomorrow',
      'Time Zone': 'Mars/Olympus',
      'Role Kind': 'wizard',
    });
    expect(r.row).toBeNull();
    expect(r.errors).toEqual([
      'job_role_kind: "wizard" is not one of sales, client_facing, technical, other',
      'candidate_email: "not-an-email" is not an email address',
      'candidate_time_zone: "Mars/Olympus" is not an IANA time zone',
      'application_status: "maybe" is not one of active, on_hold, offered, hired, rejected, withdrawn',
      'interview_scheduled_at: "tomorrow" is not a date and time',
    ]);
  });
  it('refuses an interview that ends before it starts, and a row with no name', () => {
    expect(row({ 'Interview Date': '2026-10-26 10:00', 'Interview End': '2026-10-26 09:00' }).errors).toEqual(
      ['interview_ends_at: before interview_scheduled_at'],
    );
    expect(row({ Name: ' ' }).errors).toEqual(['candidate_name: empty']);
  });
});

describe('date-times in a file', () => {
  it.each([
    ['2026-03-29T01:30:00+01:00', '2026-03-29T00:30:00.000Z'],
    ['2026-03-30 09:00', '2026-03-30T08:00:00.000Z'], // London on summer time
    ['30/03/2026 09:00', '2026-03-30T08:00:00.000Z'],
    ['2026-01-30 09:00', '2026-01-30T09:00:00.000Z'],
  ])('%s', (text, iso) => {
    expect(parseImportDateTime(text, 'Europe/London')?.toISOString()).toBe(iso);
  });
  it('refuses the ambiguous and the impossible', () => {
    expect(parseImportDateTime('03/30/2026 09:00', 'Europe/London')).toBeNull();
    expect(parseImportDateTime('2026-02-30 09:00', 'Europe/London')).toBeNull();
  });
});
