import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { requireActor } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { findVisibleOffice, isUuid } from '../commands/office.commands.js';
import { findVisibleOfficer } from '../commands/officer.commands.js';
import { findVisibleParty } from '../commands/party.commands.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import type { Case } from '../entities/case.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import { Decision } from '../entities/decision.entity.js';
import { Evidence } from '../entities/evidence.entity.js';
import { NotFoundError, ValidationError } from '../errors/domain-error.js';
import { Node } from '../schema/node.js';
import { findCaseInScope } from './case.resolver.js';

/** Most ids one `nodes` call resolves (as a page's `first`). */
export const MAX_NODE_IDS = 100;

/** The tables whose rows are Nodes; UUIDv7 ids never repeat across them. */
const NODE_TABLES = [
  'case',
  'party',
  'officer',
  'office',
  'evidence',
  'decision',
  'case_document',
  'deadline',
] as const;
type NodeTable = (typeof NODE_TABLES)[number];

/** Which table holds each id: one query over all Node tables (rows out of reach stay unseen). */
async function tablesOf(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<Map<string, NodeTable>> {
  const uuids = [...new Set(ids.filter(isUuid))];
  if (uuids.length === 0) {
    return new Map();
  }
  const placeholders = uuids.map(() => '?').join(', ');
  const sql = NODE_TABLES.map(
    (table) =>
      `select '${table}' as node_table, id::text as id from "${table}" where id in (${placeholders})`,
  ).join(' union all ');
  const rows = await ctx.em.execute<{ node_table: NodeTable; id: string }[]>(
    sql,
    NODE_TABLES.flatMap(() => uuids),
  );
  return new Map(rows.map((row) => [row.id, row.node_table]));
}

type CaseRecord = Evidence | Decision | CaseDocument | Deadline;

/** A case's record is visible exactly when its case is (as through `case(id) { … }`). */
async function caseRecord(
  ctx: RequestContext,
  entity: new () => CaseRecord,
  id: string,
): Promise<CaseRecord | null> {
  const row = await ctx.em.findOne(entity, { id } as never);
  if (!row) {
    return null;
  }
  const owner = row.case as Case;
  await findCaseInScope(ctx.em, requireActor(ctx), owner.id);
  return row;
}

/** The record behind `id`, authorized as the type's own query; null when not visible. */
async function resolveNode(
  ctx: RequestContext,
  id: string,
  table: NodeTable | undefined,
): Promise<Node | null> {
  const actor = requireActor(ctx);
  try {
    switch (table) {
      case 'case':
        return await findCaseInScope(ctx.em, actor, id);
      case 'party':
        return await findVisibleParty(ctx.em, actor, id);
      case 'officer':
        return await findVisibleOfficer(ctx.em, actor, id);
      case 'office':
        return await findVisibleOffice(ctx.em, actor, id);
      case 'evidence':
        return await caseRecord(ctx, Evidence, id);
      case 'decision':
        return await caseRecord(ctx, Decision, id);
      case 'case_document':
        return await caseRecord(ctx, CaseDocument, id);
      case 'deadline':
        return await caseRecord(ctx, Deadline, id);
      case undefined:
        return null;
    }
  } catch (error) {
    // Out of reach reads exactly like unknown: null, never a NOT_FOUND that confirms existence.
    if (error instanceof NotFoundError) {
      return null;
    }
    throw error;
  }
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description:
      '按全局 id 获取任一 Node（Relay node）：案件、当事人、执法人员、机关、证据、处理决定、文书、期限。可见范围与各自的查询相同；不可见或不存在均为空',
  })
  async node(
    @Arg('id', () => ID, { description: '全局 id（id，即对象的 UUID）' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node | null> {
    const tables = await tablesOf(ctx, [id]);
    return resolveNode(ctx, id, tables.get(id));
  }

  @Authorized()
  @Query(() => [Node], {
    nullable: 'items',
    description: `按全局 id 批量获取 Node（Relay nodes），结果与 ids 一一对应，不可见或不存在的为空；最多 ${MAX_NODE_IDS} 个`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: `全局 id 列表（ids），最多 ${MAX_NODE_IDS} 个` })
    ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODE_IDS) {
      throw ValidationError.field('NODE_IDS_TOO_MANY', 'ids', `ids 最多 ${MAX_NODE_IDS} 个`, {
        max: MAX_NODE_IDS,
      });
    }
    const tables = await tablesOf(ctx, ids);
    const found: (Node | null)[] = [];
    for (const id of ids) {
      found.push(await resolveNode(ctx, id, tables.get(id)));
    }
    return found;
  }
}
