import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './postgres-errors';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const fromQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['an administrator shutdown during a query', fromQuery(withCode('57P01'))],
    ['a crash shutdown', fromQuery(withCode('57P02'))],
    ['a server starting up or shutting down', withCode('57P03')],
    ['a connection exception (class 08)', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['a dropped connection (no code)', new Error('Connection terminated unexpectedly')],
    ['a connect that timed out (no code)', new Error('Connection terminated due to connection timeout')],
    ['a server that never answered the connect (no code)', new Error('timeout expired')],
    ['a pool with no free client in time (no code)', new Error('timeout exceeded when trying to connect')],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', fromQuery(withCode('23505'))],
    ['bad text (NUL)', fromQuery(withCode('22021'))],
    ['a syntax error', fromQuery(withCode('42601'))],
    ['a code with an English message that looks like one', withCode('23505', 'Connection terminated')],
    ['an error without a code', new Error('something else')],
    ['not an error at all', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
