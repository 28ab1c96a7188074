/** A CSV as an ATS exports it: one row per application, with `bad` rows broken in varied ways. */
export function atsExport(rows: number, bad: number): { csv: string; badLines: number[] } {
  const header =
    'Candidate ID,First Name,Last Name,Email,Phone,Job ID,Job Title,Status,Current Stage,Interview,Interview Date';
  const lines = [header];
  const badLines: number[] = [];
  const every = Math.floor(rows / bad);
  let line = 1;
  const breakers = [
    (r: string[]) => ((r[3] = 'not-an-email'), r),
    (r: string[]) => ((r[1] = ''), (r[2] = ''), r),
    (r: string[]) => ((r[7] = 'maybe'), r),
    (r: string[]) => ((r[10] = '31/02/2026 10:00'), r),
    (r: string[]) => r.slice(0, 5), // a short row
  ];
  for (let i = 1; i <= rows; i++) {
    const job = (i % 50) + 1;
    let r = [
      `C-${i}`,
      `First${i}`,
      `Last${i}`,
      `candidate${i}@example.com`,
      `+44 20 7946 ${String(i % 10000).padStart(4, '0')}`,
      `J-${job}`,
      job % 7 === 0 ? `"Account Executive, ${job}"` : `Role ${job}`,
      i % 3 === 0 ? 'Rejected' : 'Active',
      // One quoted stage spans two lines: the line numbers after it must account for it.
      i === 7 ? '"Phone\nscreen"' : 'Onsite',
      'Panel',
      `2026-11-${String((i % 28) + 1).padStart(2, '0')} 10:00`,
    ];
    line += 1;
    if (i % every === 0 && badLines.length < bad) {
      r = breakers[badLines.length % breakers.length]!(r);
      badLines.push(line);
    }
    lines.push(r.join(','));
    if (i === 7) line += 1;
  }
  return { csv: `${lines.join('\n')}\n`, badLines };
}
