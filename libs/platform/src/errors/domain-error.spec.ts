import { DomainError, FixedRefusal } from './domain-error';

class ExampleRefused extends FixedRefusal('conflict', 'example-rule', 'this example is refused', {
  field: 'example',
}) {}

class OtherRefused extends FixedRefusal('gone', 'other-rule', 'this other example is gone') {}

describe('FixedRefusal', () => {
  it('makes an error that keeps its own class name, kind, rule, message and field', () => {
    const error = new ExampleRefused();
    expect(error).toBeInstanceOf(ExampleRefused);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('ExampleRefused');
    expect(error.kind).toBe('conflict');
    expect(error.rule).toBe('example-rule');
    expect(error.message).toBe('this example is refused');
    expect(error.field).toBe('example');
    expect(error.data).toBeUndefined();
    expect(error.problems).toEqual([error]);
  });

  it('gives each refusal a class of its own, so one is not caught as another', () => {
    const other = new OtherRefused();
    expect(other).not.toBeInstanceOf(ExampleRefused);
    expect(other.name).toBe('OtherRefused');
    expect(other.field).toBeUndefined();
  });
});
