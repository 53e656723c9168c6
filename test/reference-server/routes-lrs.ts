import { z } from 'zod';
import { uuidSchema } from '../../shared/schemas/common';
import { MAX_STATEMENTS_PER_POST } from '../../shared/xapi/lrs-config';
import { validateStatement } from '../../shared/xapi/validate-statement';
import { XAPI_VERSION_HEADER } from '../../shared/xapi/vocabulary';
import { authenticateLrs } from './auth';
import { COLLECTIONS } from './records';
import type { XapiStatementRecord } from './records';
import { codedFailure, reply } from './reply';
import type { Reply } from './reply';
import { parseBody } from './request-body';
import { route } from './route';
import type { Route } from './route';
import { canonical, requireVersionHeader } from './routes-xapi';
import type { RouteContext } from './server-deps';
import { codedQuery } from './validate';

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const objectSchema = z.record(z.string(), z.unknown());
const statementIdQuerySchema = z.object({ statementId: uuidSchema });
const bodySchema = z.union([objectSchema, z.array(objectSchema).min(1).max(MAX_STATEMENTS_PER_POST)]);

type Statement = Record<string, unknown> & { id?: unknown; verb?: { id?: unknown }; object?: { objectType?: unknown; id?: unknown } };

/**
 * The reference server's LRS (xAPI 1.0.3 Communication 2.1), with the rules of ADL's LRS conformance suite
 * that apply to a writer: the version header is required and must be 1.0.x (400 otherwise); every answer
 * carries `X-Experience-API-Version`; Bearer or Basic auth (authenticateLrs).
 * - `POST /xapi/statements`: one statement or an array; every statement valid or none stored (400); an id
 *   already stored with other content is 409 and nothing is stored; the same statement again is accepted;
 *   a voiding statement must point at a stored, non-voiding statement. Answers 200 with the ids, in order.
 * - `PUT /xapi/statements?statementId=<uuid>`: one statement under that id; 204 when stored, 204 again
 *   for the same statement, 409 for a different statement under a taken id (Communication 2.1.1).
 */
export function lrsRoutes(): Route[] {
  const responseHeaders = { 'X-Experience-API-Version': XAPI_VERSION_HEADER };
  return [
    route({ method: 'POST', path: '/xapi/statements', family: 'coded', responseHeaders, authenticate: authenticateLrs, handle: postStatements }),
    route({ method: 'PUT', path: '/xapi/statements', family: 'coded', responseHeaders, authenticate: authenticateLrs, handle: putStatement }),
  ];
}

function postStatements(ctx: RouteContext): Reply {
  requireVersionHeader(ctx);
  const parsed = parseBody(ctx.bodyText, bodySchema);
  if (!parsed.ok) throw codedFailure(400, 'VALIDATION_ERROR', `The body must be a statement or an array of 1 to ${MAX_STATEMENTS_PER_POST} statements`);
  const batch = (Array.isArray(parsed.value) ? parsed.value : [parsed.value]).map((s) => ({ ...s, id: s.id ?? ctx.deps.newId() }) as Statement);
  const ids = batch.map((s) => String(s.id));
  if (new Set(ids).size !== ids.length) throw codedFailure(400, 'VALIDATION_ERROR', 'The same statement id appears twice in one request');
  for (const [index, statement] of batch.entries()) {
    const check = validateStatement(statement);
    if (!check.valid) throw codedFailure(400, 'VALIDATION_ERROR', `Statement ${index} is not valid xAPI`, check.errors);
  }
  const store = ctx.deps.store.collection<XapiStatementRecord>(COLLECTIONS.xapiStatements);
  const fresh: Statement[] = [];
  for (const statement of batch) {
    const existing = store.get(String(statement.id));
    if (existing && canonical(existing.statement) !== canonical(statement)) throw codedFailure(409, 'CONFLICT', `A different statement with id ${String(statement.id)} is already stored`);
    if (!existing) fresh.push(statement);
  }
  for (const statement of fresh) checkVoiding(statement, store, batch);
  const at = ctx.deps.now().toISOString();
  for (const statement of fresh) store.insert({ id: String(statement.id), statement, stored_at: at });
  return reply(200, ids);
}

function putStatement(ctx: RouteContext): Reply {
  requireVersionHeader(ctx);
  const { statementId } = codedQuery(ctx, statementIdQuerySchema);
  const parsed = parseBody(ctx.bodyText, objectSchema);
  if (!parsed.ok) throw codedFailure(400, 'VALIDATION_ERROR', 'The body must be one xAPI statement (a JSON object)');
  if (parsed.value.id !== undefined && parsed.value.id !== statementId) throw codedFailure(400, 'VALIDATION_ERROR', 'The statement id does not match the statementId parameter');
  const statement = { ...parsed.value, id: statementId } as Statement;
  const check = validateStatement(statement);
  if (!check.valid) throw codedFailure(400, 'VALIDATION_ERROR', 'Invalid xAPI statement', check.errors);
  const store = ctx.deps.store.collection<XapiStatementRecord>(COLLECTIONS.xapiStatements);
  const existing = store.get(statementId);
  if (existing) {
    if (canonical(existing.statement) === canonical(statement)) return reply(204);
    throw codedFailure(409, 'CONFLICT', `A different statement with id ${statementId} is already stored`);
  }
  checkVoiding(statement, store, [statement]);
  store.insert({ id: statementId, statement, stored_at: ctx.deps.now().toISOString() });
  return reply(204);
}

/** Voiding instead of editing: only a stored, non-voiding statement may be voided (Data 2.3.2). */
function checkVoiding(statement: Statement, store: { get(id: string): XapiStatementRecord | undefined }, batch: readonly Statement[]): void {
  if (statement.verb?.id !== VOIDED) return;
  if (statement.object?.objectType !== 'StatementRef') throw codedFailure(400, 'VALIDATION_ERROR', 'A voiding statement must refer to a statement (StatementRef)');
  const target = String(statement.object.id);
  const voided = (store.get(target)?.statement as Statement | undefined) ?? batch.find((s) => s.id === target);
  if (voided?.verb?.id === VOIDED) throw codedFailure(400, 'VALIDATION_ERROR', 'A voiding statement cannot itself be voided');
}
