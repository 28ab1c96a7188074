import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { atsExport } from '../../test/support/ats-csv.ts';
import { buildOrganization } from '../../test/support/factories.ts';
import { importCsv, previewImport } from './import.service.ts';

describe.each(backends)('CSV import on %s', (backend) => {
  let db: Db;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('previews the suggested mapping and the first rows', async () => {
    const { organization } = await buildOrganization({ db, clock });
    const { csv } = atsExport(10, 1);
    const preview = await previewImport({ db, clock }, organization.id, Readable.from([csv]));
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.mapping).toMatchObject({
      candidate_external_id: 'Candidate ID',
      job_title: 'Job Title',
      candidate_email: 'Email',
    });
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      errors: [],
      row: { candidate: { name: 'First1 Last1' } },
    });
  });

  it(
    'imports 10,000 rows, refuses exactly the 20 bad ones by line number, and a re-run creates nothing',
    { timeout: 600_000 },
    async () => {
      const { organization } = await buildOrganization({ db, clock });
      const org = organization.id;
      const { csv, badLines } = atsExport(10_000, 20);
      const progress: number[] = [];
      const started = performance.now();
      const first = await importCsv({ db, clock }, org, null, Readable.from([csv]), {
        fileName: 'ats-export.csv',
        onProgress: (p) => progress.push(p.rowsDone),
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `[import, ${backend}] 10,000 rows (20 bad) in ${seconds.toFixed(1)} s (${Math.round(10_000 / seconds)} rows/s)`,
      );
      expect(first.run.rowsRejected).toBe(20);
      expect(first.run.errors.map((e) => e.line)).toEqual(badLines);
      expect(first.run.rowsImported).toBe(9_980);
      expect(first.run.created).toEqual({
        jobs: 50,
        candidates: 9_980,
        applications: 9_980,
        interviews: 9_980,
      });
      expect(progress.length).toBeGreaterThan(10);
      expect(progress.at(-1)).toBe(10_000);
      const rejected = first.rejectedCsv.trim().split('\n');
      expect(rejected).toHaveLength(21);
      expect(rejected[0]).toContain('line,errors');
      expect(first.run.errors.find((e) => e.line === badLines[0])!.errors[0]).toContain('candidate_email');

      const again = await importCsv({ db, clock }, org, null, Readable.from([csv]), {
        fileName: 'ats-export.csv',
      });
      expect(again.run.created).toEqual({ jobs: 0, candidates: 0, applications: 0, interviews: 0 });
      expect(again.run.errors.map((e) => e.line)).toEqual(badLines);
      const [counts] = await db.tenant(org).query<{ c: number; a: number; i: number; j: number }>(
        `SELECT (SELECT count(*)::int FROM candidates) AS c, (SELECT count(*)::int FROM applications) AS a,
                (SELECT count(*)::int FROM interviews) AS i, (SELECT count(*)::int FROM jobs) AS j`,
      );
      expect(counts).toEqual({ c: 9_980, a: 9_980, i: 9_980, j: 50 });
      const [multiLine] = await db
        .tenant(org)
        .query<{ stage: string }>(
          `SELECT a.stage FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE c.external_id = 'C-7'`,
        );
      expect(multiLine!.stage).toBe('Phone\nscreen');
    },
  );

  it('refuses a file whose mapping misses what identifies a row', async () => {
    const { organization } = await buildOrganization({ db, clock });
    await expect(
      importCsv({ db, clock }, organization.id, null, Readable.from(['Name,Job\nCasey,AE\n']), {
        fileName: 'x.csv',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
