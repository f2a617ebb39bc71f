import { inputShapeProblem, MAX_INPUT_DEPTH } from './input-shape';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

describe('inputShapeProblem', () => {
  it('accepts ordinary bodies and queries', () => {
    expect(
      inputShapeProblem({ contacts: [{ name: 'Sam', email: 'sam@example.org' }] }, 'the body'),
    ).toBeUndefined();
    expect(inputShapeProblem({ limit: '10', area: ['a', 'b'] }, 'the query string')).toBeUndefined();
    expect(inputShapeProblem(undefined, 'the body')).toBeUndefined();
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH), 'the body')).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, even 100,000 deep, without overflowing', () => {
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH + 1), 'the body')).toBe(
      `the body is nested more than ${MAX_INPUT_DEPTH} levels deep; send a flatter structure`,
    );
    expect(inputShapeProblem(nested(100_000), 'the body')).toMatch(/nested more than/);
  });

  it.each([
    ['a value', { title: 'a\u0000b' }],
    ['a key', { 'ti\u0000tle': 'a' }],
    ['a list item', { accessNeeds: ['other', '\u0000'] }],
    ['a nested value', { contacts: [{ name: 'Sam\u0000' }] }],
    ['the whole input', '\u0000'],
  ])('refuses a NUL in %s', (_, input) => {
    expect(inputShapeProblem(input, 'the body')).toBe(
      'the body must not contain NUL characters (\\u0000): remove them and send it again',
    );
  });
});
