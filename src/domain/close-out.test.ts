import { describe, expect, it } from 'vitest';
import { groupByStage, reachOf } from './close-out.ts';

const m = (stage: string, finalStage = false, interviewed = false) => ({ stage, finalStage, interviewed });

describe('reachOf', () => {
  it.each([
    { members: [m('onsite', true, true)], reach: 'final' },
    { members: [m('onsite', false, true), m('onsite', true, false)], reach: 'final' },
    { members: [m('screen', false, true), m('screen', false, true)], reach: 'interviewed' },
    { members: [m('screen', false, true), m('screen', false, false)], reach: 'applied' },
    { members: [m('applied')], reach: 'applied' },
    { members: [], reach: 'applied' },
  ])('$reach', ({ members, reach }) => {
    expect(reachOf(members)).toBe(reach);
  });
});

describe('groupByStage', () => {
  it('groups by stage, furthest first, keeping the order inside a stage', () => {
    const a = { ...m('applied'), id: 'a' };
    const b = { ...m('screen', false, true), id: 'b' };
    const c = { ...m('final', true, true), id: 'c' };
    const d = { ...m('applied'), id: 'd' };
    const groups = groupByStage([a, b, c, d]);
    expect(groups.map((g) => [g.stage, g.reach, g.members.map((x) => x.id)])).toEqual([
      ['final', 'final', ['c']],
      ['screen', 'interviewed', ['b']],
      ['applied', 'applied', ['a', 'd']],
    ]);
  });

  it('is empty for nobody', () => {
    expect(groupByStage([])).toEqual([]);
  });
});
