import { z } from 'zod';
import { uuidSchema } from '../../shared/schemas/common';
import { validateStatement } from '../../shared/xapi/validate-statement';
import { XAPI_VERSION_HEADER } from '../../shared/xapi/vocabulary';
import { authenticateBearer } from './auth';
import { COLLECTIONS } from './records';
import type { XapiStatementRecord } from './records';
import { codedFailure, reply } from './reply';
import type { Reply } from './reply';
import { parseBody } from './request-body';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext } from './server-deps';
import { codedQuery } from './validate';

const statementIdQuerySchema = z.object({ statementId: uuidSchema });
const jsonObjectSchema = z.record(z.string(), z.unknown());

/** Properties an LRS sets or may normalise itself; two submissions differing only here are the same statement. */
const LRS_OWNED = new Set(['stored', 'authority', 'version']);

/**
 * PUT /api/xapi/statements?statementId=<uuid>, as an LRS answers it: 204 when stored, 204 again for the
 * same statement re-sent (a retry), 409 when the id is already taken by a different statement. GET with
 * the same parameter returns a stored statement, for clients that want to check. Both need the
 * X-Experience-API-Version header.
 */
export function xapiRoutes(): Route[] {
  const responseHeaders = { 'X-Experience-API-Version': XAPI_VERSION_HEADER };
  return [
    route({ method: 'PUT', path: '/api/xapi/statements', family: 'coded', responseHeaders, authenticate: authenticateBearer, handle: putStatement }),
    route({ method: 'GET', path: '/api/xapi/statements', family: 'coded', responseHeaders, authenticate: authenticateBearer, handle: getStatement }),
  ];
}

/**
 * Communication 3.3 (and ADL's LRS conformance suite): every request names the xAPI version it speaks in
 * X-Experience-API-Version; an LRS refuses one without it, or with a version other than 1.0.x, with 400.
 */
export function requireVersionHeader(ctx: RouteContext): void {
  const version = ctx.headers.get('x-experience-api-version');
  if (version === null) throw codedFailure(400, 'VALIDATION_ERROR', 'X-Experience-API-Version header is required');
  if (!/^1\.0(\.\d+)?$/.test(version.trim())) throw codedFailure(400, 'VALIDATION_ERROR', `Unsupported xAPI version ${version.slice(0, 20)}`);
}

function putStatement(ctx: RouteContext): Reply {
  requireVersionHeader(ctx);
  const { statementId } = codedQuery(ctx, statementIdQuerySchema);
  const parsed = parseBody(ctx.bodyText, jsonObjectSchema);
  if (!parsed.ok) throw codedFailure(400, 'VALIDATION_ERROR', 'The body must be one xAPI statement (a JSON object)');
  const statement: Record<string, unknown> = { ...parsed.value };
  if (statement.id !== undefined && statement.id !== statementId) {
    throw codedFailure(400, 'VALIDATION_ERROR', 'The statement id does not match the statementId parameter');
  }
  statement.id = statementId;
  const check = validateStatement(statement);
  if (!check.valid) throw codedFailure(400, 'VALIDATION_ERROR', 'Invalid xAPI statement', check.errors);

  const statements = ctx.deps.store.collection<XapiStatementRecord>(COLLECTIONS.xapiStatements);
  const existing = statements.get(statementId);
  if (existing) {
    if (canonical(existing.statement) === canonical(statement)) return reply(204);
    throw codedFailure(409, 'CONFLICT', 'A different statement with this id is already stored');
  }
  statements.insert({ id: statementId, statement, stored_at: ctx.deps.now().toISOString() });
  return reply(204);
}

function getStatement(ctx: RouteContext): Reply {
  requireVersionHeader(ctx);
  const { statementId } = codedQuery(ctx, statementIdQuerySchema);
  const record = ctx.deps.store.collection<XapiStatementRecord>(COLLECTIONS.xapiStatements).get(statementId);
  if (!record) throw codedFailure(404, 'NOT_FOUND', 'Statement not found');
  return reply(200, { ...record.statement, stored: record.stored_at });
}

/** JSON with object keys sorted, so key order never makes two equal statements look different. */
export function canonical(value: unknown, top = true): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item, false)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => item !== undefined && !(top && LRS_OWNED.has(key)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item, false)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
