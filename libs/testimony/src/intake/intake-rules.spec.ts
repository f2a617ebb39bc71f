import type { TestimonyFieldsDto } from './dto/testimony.dto';
import { intakeProblems } from './intake-rules';

const fields = (overrides: Partial<TestimonyFieldsDto> = {}): TestimonyFieldsDto => ({
  role: 'parent-carer',
  area: 'dudley',
  story: 'We waited a year.',
  consent: { quote: 'count-only', contact: false, shareWithAuthority: false, casework: false },
  ...overrides,
});

const rules = (input: TestimonyFieldsDto) => intakeProblems(input).map((problem) => problem.field);

describe('the rules across fields at intake', () => {
  it('accepts an anonymous testimony that asks for nothing back', () => {
    expect(rules(fields())).toEqual([]);
  });

  it('needs an email for contact and casework, naming each part', () => {
    const consent = { quote: 'count-only' as const, contact: true, shareWithAuthority: true, casework: true };
    expect(rules(fields({ consent }))).toEqual(['consent.contact', 'consent.casework']);
    expect(rules(fields({ consent, email: 'sam@example.org' }))).toEqual([]);
  });

  it('takes writing on behalf of a young person only from a parent or carer, with the age band', () => {
    expect(rules(fields({ onBehalfOf: true }))).toEqual(['answers.ageBand']);
    expect(rules(fields({ onBehalfOf: true, role: 'teacher-ta', answers: { ageBand: '11-15' } }))).toEqual([
      'onBehalfOf',
    ]);
    expect(rules(fields({ onBehalfOf: true, answers: { ageBand: '11-15' } }))).toEqual([]);
    expect(rules(fields({ onBehalfOf: false, role: 'young-person' }))).toEqual([]);
  });
});
