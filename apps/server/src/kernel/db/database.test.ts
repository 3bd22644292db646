import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import postgres from 'postgres';
import { certainlyRolledBack, isUniqueViolation } from './database.ts';

// Shapes of the driver's errors without a server: PostgresError carries the SQLSTATE and constraint.
function serverError(code: string, constraint?: string): Error {
  const error = new postgres.PostgresError(`sqlstate ${code}`);
  Object.assign(error, { code, ...(constraint ? { constraint_name: constraint } : {}) });
  return error;
}
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: …'), { cause });
const connectionLost = () => Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' });

describe('database error classification', () => {
  const rolledBack: [string, unknown, boolean][] = [
    ['a unique violation', serverError('23505', 'message_log_pkey'), true],
    ['a NUL in text (22021), wrapped by Drizzle', wrapped(serverError('22021')), true],
    ['a serialization failure', serverError('40001'), true],
    ['our own validation error', new Error('subjectPersonalId must be a 12-digit personal ID'), true],
    ['the connection closed around COMMIT', connectionLost(), false],
    ['the same, wrapped by Drizzle', wrapped(connectionLost()), false],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), false],
    ['the server shutting down (57P01)', serverError('57P01'), false],
    ['a connection failure reported by the server (08006)', serverError('08006'), false],
    ['disk full (53100)', serverError('53100'), false],
  ];
  for (const [name, error, expected] of rolledBack) it(`certainlyRolledBack: ${name} → ${expected}`, () => assert.equal(certainlyRolledBack(error), expected));

  it('isUniqueViolation names the constraint when asked', () => {
    assert.equal(isUniqueViolation(serverError('23505', 'message_log_pkey')), true);
    assert.equal(isUniqueViolation(wrapped(serverError('23505', 'message_log_pkey')), 'message_log_pkey'), true);
    assert.equal(isUniqueViolation(serverError('23505', 'seen_message_pkey'), 'message_log_pkey'), false);
    assert.equal(isUniqueViolation(serverError('22021')), false);
  });
});
