import { expect, it } from 'vitest';
import { buildPlan } from '../../engine/build.js';
import { itemChanges } from './changes.js';

const BEFORE = '# P\n\n- [ ] T001 Dig\n- [ ] T002 Sow\n- [ ] T003 Weed\n';

it('names each field the server changed on the items asked about', () => {
  const before = buildPlan(BEFORE, 'p.md');
  const after = buildPlan('# P\n\n- [x] T001 Dig deeper\n- [ ] T002 Sow\n- [ ] T004 Water\n', 'p.md');
  expect(itemChanges(before, after, ['T001', 'T002', 'T003', 'T004', 'section:p'])).toEqual([
    'T001 title Dig → Dig deeper',
    'T001 status todo → done',
    'T003 removed',
    'T004 added',
  ]);
});
