import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'no-acceptance');

const stories = (secondCriteria: string) => `# Shop - Agile Breakdown

# EPIC 1: CHECKOUT

**Epic ID:** EPIC-001

### Story 1.1: Cart
**Story ID:** US-001
**Story Points:** 8

**Acceptance Criteria:**
\`\`\`gherkin
Given a cart with one item
When I open the cart
Then I see the item
\`\`\`

### Story 1.2: Payment
**Story ID:** US-002
**Story Points:** 5
${secondCriteria}
`;

const specKit = `# Tasks: Recipes

## Phase 3: User Story 1 - Publish a recipe (Priority: P1)

**Goal**: A cook can publish a recipe.

**Independent Test**: Publish one recipe and read it back.

- [ ] T006 [US1] Recipe model
`;

describe('no-acceptance', () => {
  it('stays silent when every story states acceptance criteria', () => {
    expect(findings(stories('\n**Acceptance Criteria:**\n- [ ] A card payment succeeds\n'))).toEqual([]);
  });

  it("takes spec-kit's Independent Test as the story's acceptance test", () => {
    expect(findings(specKit)).toEqual([]);
  });

  it('reports a story with no acceptance criteria', () => {
    const result = findings(stories(''));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 18, itemId: 'US-002', severity: 'warning' });
    expect(result[0].message).toBe('Story US-002 "Payment" has no acceptance criteria.');
  });
});
