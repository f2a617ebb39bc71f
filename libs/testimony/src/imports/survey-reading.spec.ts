import { deflateRawSync } from 'node:zlib';
import { RESPONDENT_ROLES } from '../testimonies/testimony-vocabulary';
import { AnswerTranslator, matchByLabel, splitMultipleChoice } from './answer-matching';
import { YES_NO } from './import-fields';
import { headerFingerprint, suggestColumns } from './mapping-suggestion';
import { surveyTime } from './survey-time';
import { checkXlsxInflation } from './zip-inflation-guard';

describe('reading a survey export, piece by piece', () => {
  it('matches answers to our labels: exactly, by a leading label (the longest), or yes and no words', () => {
    expect(matchByLabel('parent OR carer.', RESPONDENT_ROLES)).toBe('parent-carer');
    expect(matchByLabel('Other professional (e.g. a social worker)', RESPONDENT_ROLES)).toBe(
      'other-professional',
    );
    expect(matchByLabel('Other, a grandparent', RESPONDENT_ROLES)).toBe('other');
    expect(matchByLabel('Mum or dad', RESPONDENT_ROLES)).toBeUndefined();
    expect(matchByLabel('Yes please', YES_NO, true)).toBe('yes');
    expect(matchByLabel('', YES_NO, true)).toBeUndefined();
    const translator = new AnswerTranslator([
      { field: 'role', answer: 'Mum  or dad', value: 'parent-carer' },
    ]);
    expect(translator.translate('role', 'mum or dad', RESPONDENT_ROLES, false)).toEqual({
      value: 'parent-carer',
      by: 'mapping',
    });
    expect(translator.translate('area', 'mum or dad', [], false)).toBeUndefined();
    expect(splitMultipleChoice('Funding;Transport; ;')).toEqual(['Funding', 'Transport']);
  });

  it('reads times as London wall-clock, across BST, and refuses what is not a time', () => {
    expect(surveyTime('2026-01-10T09:30:00')?.toISOString()).toBe('2026-01-10T09:30:00.000Z');
    expect(surveyTime('2025-07-01T10:00:00')?.toISOString()).toBe('2025-07-01T09:00:00.000Z');
    expect(surveyTime('1/7/2025 10:00')?.toISOString()).toBe('2025-07-01T09:00:00.000Z');
    expect(surveyTime('2025-07-01T10:00:00Z')?.toISOString()).toBe('2025-07-01T10:00:00.000Z');
    expect(surveyTime('2026-03-29T01:30:00')).toBeNull(); // the hour the clocks skip
    expect(surveyTime('yesterday')).toBeNull();
    expect(surveyTime('31/02/2026 10:00')).toBeNull();
  });

  it('guesses columns from Forms headers, and fingerprints a header row ignoring case and spacing', () => {
    const headers = [
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'Please tell us your story',
      'Are you a parent?',
    ];
    expect(suggestColumns(headers)).toEqual({
      externalId: 'ID',
      submittedAt: 'Completion time',
      email: 'Email',
      name: 'Name',
      role: 'Are you a parent?',
      story: 'Please tell us your story',
    });
    expect(headerFingerprint(['ID', 'Name'])).toBe(headerFingerprint(['id ', 'NAME']));
    expect(headerFingerprint(['ID', 'Name'])).not.toBe(headerFingerprint(['Name', 'ID']));
  });

  it('refuses a zip whose entries inflate past the budget, or lie about their size', () => {
    const entry = (data: Buffer, declared = data.length) => {
      const compressed = deflateRawSync(data);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(1, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(compressed.length, 20);
      central.writeUInt32LE(declared, 24);
      central.writeUInt16LE(1, 28);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(1, 10);
      end.writeUInt32LE(30 + 1 + compressed.length, 16);
      return Buffer.concat([local, Buffer.from('a'), compressed, central, Buffer.from('a'), end]);
    };
    expect(() => checkXlsxInflation(entry(Buffer.from('<xml/>')))).not.toThrow();
    const big = Buffer.alloc(61 * 1024 * 1024);
    expect(() => checkXlsxInflation(entry(big))).toThrow(/unpacks to more than 60 MB/);
    expect(() => checkXlsxInflation(entry(big, 10))).toThrow(/unpacks to more than 60 MB/);
    expect(() => checkXlsxInflation(Buffer.from('not a zip at all, just some text'))).toThrow(
      /not an Excel workbook/,
    );
  });
});
