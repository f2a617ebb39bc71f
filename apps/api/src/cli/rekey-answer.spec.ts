import { rekeyAnswer } from './rekey-answer';

describe('rekeyAnswer', () => {
  const done = { currentKeyId: 't2', values: 5, reencrypted: 3, rowsWritten: 2, unreadable: [] };

  it('gives counts and the key', () => {
    expect(rekeyAnswer(done)).toEqual([
      'Re-encrypted 3 of 5 sealed values under key "t2" (2 rows written; the rest were already under it).',
    ]);
  });

  it('lists each value it could not open by address and fault', () => {
    const rowId = '0b6a0d51-0000-4000-8000-000000000001';
    const lines = rekeyAnswer({
      ...done,
      unreadable: [{ table: 'testimonies', column: 'story', rowId, error: 'TamperedSealedValue' }],
    });
    expect(lines.slice(1)).toEqual([
      '1 could not be opened and were left as they are (see README, "Testimony keys"):',
      `  testimonies.story of row ${rowId}: TamperedSealedValue`,
    ]);
  });
});
