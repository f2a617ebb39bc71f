import { parsePostmasterPid, withDatabase } from './postgres';

describe('withDatabase', () => {
  it('swaps the database and keeps server and credentials', () => {
    expect(withDatabase('postgres://postgres:secret@127.0.0.1:54329/postgres', 'roundtable')).toBe(
      'postgres://postgres:secret@127.0.0.1:54329/roundtable',
    );
  });

  it('keeps query parameters such as sslmode', () => {
    expect(withDatabase('postgres://u@db.example:5432/postgres?sslmode=require', 'rt')).toBe(
      'postgres://u@db.example:5432/rt?sslmode=require',
    );
  });
});

describe('parsePostmasterPid', () => {
  it('reads the pid from line 1 and the port from line 4', () => {
    const file =
      '4242\n/work/.data/postgres\n1764000000\n54329\n\n127.0.0.1\n  1234567     65536\nready   \n';
    expect(parsePostmasterPid(file)).toEqual({ pid: 4242, port: 54329 });
  });

  it('rejects a truncated or empty file', () => {
    expect(parsePostmasterPid('')).toBeUndefined();
    expect(parsePostmasterPid('4242\n/data\n')).toBeUndefined();
  });
});
