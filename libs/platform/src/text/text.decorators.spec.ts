import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MultiLineText, PersonName, SingleLineText } from './text.decorators';

class Probe {
  @SingleLineText({ max: 10 })
  title: unknown;

  @MultiLineText({ max: 50, allowEmpty: true })
  notes: unknown;

  @PersonName()
  name: unknown;
}

const fine = { title: 'Tea', notes: '', name: 'Sam Jones' };

function messages(input: Record<string, unknown>): string[] {
  const probe = plainToInstance(Probe, { ...fine, ...input });
  return validateSync(probe).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('text decorators', () => {
  it('normalise the value as the body becomes a DTO', () => {
    const probe = plainToInstance(Probe, { title: ' Cafe\u0301 ', notes: 'a\r\nb', name: ' Sam  Jones ' });
    expect(probe).toMatchObject({ title: 'Café', notes: 'a\nb', name: 'Sam Jones' });
    expect(validateSync(probe)).toEqual([]);
  });

  it('refuse with the rule’s own message, one per field', () => {
    expect(messages({ title: 'a\u0000b' })).toEqual([
      'title must not contain control characters such as NUL or line breaks',
    ]);
    expect(messages({ notes: 'a\u202Eb' })).toEqual([
      'notes must not contain invisible formatting characters such as direction overrides or zero-width spaces',
    ]);
    expect(messages({ name: 'pay.example' })).toEqual([
      'name must be a name: letters, spaces, hyphens and apostrophes only',
    ]);
    expect(messages({ title: '   ' })).toEqual(['title must not be empty or only spaces']);
    expect(messages({ title: true })).toEqual(['title must be text']);
  });

  it('check a DTO built without class-transformer in its normalised form', () => {
    const probe = Object.assign(new Probe(), { ...fine, title: ' padded ' });
    expect(validateSync(probe)).toEqual([]);
  });
});
