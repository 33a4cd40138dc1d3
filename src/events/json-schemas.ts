/**
 * JSON Schemas (draft 2020-12) of what receivers get: every webhook event type and the
 * public 双公示 feed. This module is the one source: the HTTP routes serve it
 * (src/http/json-schemas-route.ts) and docs/events/*.json are its copies, checked by
 * test/unit/events/json-schemas.test.ts (UPDATE_EVENT_SCHEMAS=1 rewrites them). Real emitted
 * events and feed items are validated against it in test/integration/webhook-kit.test.ts.
 *
 * Every object is closed (additionalProperties: false), so a field added to an event
 * without its schema fails that test. Formats are spelled as patterns, so any validator
 * checks them without a format plugin.
 */
import { CASE_STATUSES } from '../procedure/case-status.js';
import { DEADLINE_KINDS } from '../procedure/case-snapshot.js';
import { PUBLICATION_WITHDRAWAL_GROUNDS } from '../procedure/publication.js';
import {
  PUBLICATION_FIELDS,
  type PublicationFieldFormat,
} from '../publication/publication-record.js';
import { DOMAIN_EVENT_TYPES, type DomainEventType } from './domain-event-types.js';

export type JsonSchema = { readonly [key: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Where each schema is served (also its $id, relative to the server's base URL). */
export const webhookSchemaPath = (type: DomainEventType) => `/schemas/webhook/${type}.json`;
export const FEED_ITEM_SCHEMA_PATH = '/schemas/feed-item.json';
export const FEED_PAGE_SCHEMA_PATH = '/schemas/feed.json';

const string = (description: string, extra: Record<string, unknown> = {}): JsonSchema => ({
  type: 'string',
  description,
  ...extra,
});
const nullable = (schema: JsonSchema): JsonSchema => ({
  ...schema,
  type: [schema.type as string, 'null'],
});
const date = (description: string) =>
  string(`${description}（YYYY-MM-DD，北京时间日期）`, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const uuid = (description: string) =>
  string(description, {
    pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  });
const code = (description: string) => string(description, { pattern: '^[A-Z][A-Z0-9_]*$' });
const timestamp = (description: string) =>
  string(`${description}（ISO 8601 UTC，毫秒）`, {
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
  });

function object(
  description: string,
  required: Record<string, JsonSchema>,
  optional: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    type: 'object',
    description,
    properties: { ...required, ...optional },
    required: Object.keys(required),
    additionalProperties: false,
  };
}

const caseStatus = (description: string) => string(description, { enum: [...CASE_STATUSES] });

/** The step every step event names: the action and the statuses it moved between. */
const stepFields = {
  action: string('程序操作（GraphQL 变更名），如 decideDocketing'),
  fromStatus: caseStatus('操作前的案件状态'),
  toStatus: caseStatus('操作后的案件状态'),
};

/** Identifiers a later step copies from its input (src/events/step-events.ts INPUT_WHITELIST). */
const stepIdentifiers = {
  documentId: uuid('文书 id'),
  documentIds: { type: 'array', items: uuid('文书 id'), description: '文书 id' },
  decisionId: uuid('处理决定 id'),
  publicationId: uuid('公示记录 id'),
  documents: { type: 'array', items: code('文书种类'), description: '文书种类' },
  method: code('方式，如送达方式'),
  channel: code('渠道，如缴款渠道'),
  servedOn: date('送达日期'),
  deemedServedOn: date('视为送达日期'),
  paidOn: date('缴款日期'),
  closedOn: date('结案日期'),
  amountFen: { type: 'integer', description: '金额（分）' },
};

const laterStepData = (description: string) =>
  object(
    description,
    {
      ...stepFields,
      outcome: code('程序结果'),
      actDate: date('行为日期'),
    },
    stepIdentifiers,
  );

const wan = (description: string) =>
  string(`${description}（万元，十进制字符串，最多 6 位小数）`, {
    pattern: '^\\d+(\\.\\d{1,6})?$',
  });

const FIELD_FORMATS: Record<PublicationFieldFormat, (description: string) => JsonSchema> = {
  text: (description) => string(description),
  date,
  wan,
  uscc: (description) => string(description, { pattern: '^[0-9A-Z]{18}$' }),
};

/** The 双公示 record as the standard lists it (src/publication/publication-record.ts). */
export const PUBLICATION_FIELDS_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    '行政处罚信息公示（双公示）字段：字段名为标准中文名；可选字段没有数据时为 null；自然人证件号码已屏蔽；金额单位万元',
  properties: Object.fromEntries(
    PUBLICATION_FIELDS.map((f) => {
      const schema = FIELD_FORMATS[f.format](f.description);
      return [f.key, f.required ? schema : nullable(schema)];
    }),
  ),
  required: PUBLICATION_FIELDS.map((f) => f.key),
  additionalProperties: false,
};

const publicationRef = {
  publicationId: uuid('公示记录 id（与公开数据 feed 的 id 相同）'),
  decisionNumber: string('行政处罚决定书文号'),
};

const EVENT_DATA: Record<DomainEventType, JsonSchema> = {
  CASE_DOCKETED: object('立案', { ...stepFields, docketedOn: date('立案日期') }),
  DOCUMENT_ISSUED: object('文书生成（编号、存档）', {
    ...stepFields,
    document: object('生成的文书', {
      id: uuid('文书 id'),
      kind: code('文书种类'),
      title: string('文书名称'),
      number: nullable(string('文书编号（无编号的文书为 null）')),
      version: { type: 'integer', minimum: 1, description: '版本' },
      sha256: string('文书文件的 SHA-256（十六进制）', { pattern: '^[0-9a-f]{64}$' }),
      downloadUrl: string('下载路径（需执法人员令牌）', { pattern: '^/documents/' }),
    }),
  }),
  DOCUMENT_SERVED: laterStepData('文书送达'),
  DECISION_MADE: object('作出处理决定', {
    ...stepFields,
    outcome: code('决定结果，如 PENALTY'),
    decidedOn: date('决定日期'),
    documentIds: { type: 'array', items: uuid('文书 id'), description: '同一步骤生成的文书' },
  }),
  PAYMENT_RECORDED: laterStepData('罚款缴纳已登记'),
  CASE_CLOSED: laterStepData('结案'),
  PUBLICATION_DUE: object('处罚决定信息应予公示（每名被处罚当事人一条）', {
    ...publicationRef,
    publishedOn: date('公示日期'),
    dueBy: date('应公示的最后日期（规则参数 publicationPeriod）'),
    endsOn: date('公示截止期（规则参数 publicationDuration）：此后不再公示'),
    fields: PUBLICATION_FIELDS_SCHEMA,
  }),
  PUBLICATION_WITHDRAWN: {
    description: '公示已撤下：处罚决定被变更、撤销，或者信用修复',
    oneOf: [
      object('处罚决定被变更或者撤销（《行政处罚法》第四十八条第二款）', {
        ...publicationRef,
        ground: string('撤下事由', { const: 'DECISION_CHANGED' }),
        withdrawnOn: date('撤下日期'),
        withdrawalDueBy: date('应撤下的最后日期（规则参数 publicationWithdrawalPeriod）'),
        reason: string('撤下原因'),
      }),
      object('信用修复后提前撤下', {
        ...publicationRef,
        ground: string('撤下事由', { const: 'CREDIT_REPAIR' }),
        withdrawnOn: date('撤下日期'),
        repairedOn: date('信用修复日期'),
        basis: string('信用修复的依据'),
        reason: string('撤下原因'),
      }),
    ],
  },
  DEADLINE_RECOMPUTED: object('正式节假日安排载入后期限届满日变更', {
    deadlineId: uuid('期限 id'),
    kind: string('期限种类', { enum: [...DEADLINE_KINDS] }),
    previousDueDate: date('原届满日（按推定年度计算）'),
    dueDate: date('新届满日'),
    provisional: { type: 'boolean', description: '仍含推定年度' },
    calendarYear: { type: 'integer', description: '载入的年度' },
    notice: string('国务院办公厅放假安排通知'),
  }),
};

const CASE_REF = object('案件（不含当事人信息）', {
  id: uuid('案件 id'),
  number: string('案件编号'),
  officeName: string('办案机关'),
});

/** The body of a delivery of `type`: the stored envelope (id, type, occurredAt, case, data). */
export function webhookEventSchema(type: DomainEventType): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: webhookSchemaPath(type),
    title: `Zhifa webhook ${type}`,
    ...object(`推送事件 ${type} 的请求体（签名覆盖其原始字节，见 docs/webhooks.md）`, {
      id: uuid('事件 id（与请求头 Zhifa-Event-Id 相同；接收方据此去重）'),
      type: string('事件类型', { const: type }),
      occurredAt: timestamp('发生时间'),
      case: CASE_REF,
      data: EVENT_DATA[type],
    }),
  };
}

export const FEED_ITEM_SCHEMA: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: FEED_ITEM_SCHEMA_PATH,
  title: 'Zhifa 双公示 feed item',
  ...object('公开数据 GET /feeds/publications.json 的一条记录；公示截止期（endsOn）过后不再出现', {
    id: uuid('公示记录 id'),
    caseId: uuid('案件 id'),
    publishedOn: date('公示日期'),
    endsOn: date('公示截止期'),
    withdrawnOn: nullable(date('撤下日期（未撤下为 null）')),
    withdrawalGround: nullable(
      string('撤下事由（未撤下为 null）', { enum: [...PUBLICATION_WITHDRAWAL_GROUNDS, null] }),
    ),
    withdrawalReason: nullable(string('撤下原因（未撤下为 null）')),
    fields: {
      description: '公示字段；已撤下的记录不再公开，为 null',
      anyOf: [PUBLICATION_FIELDS_SCHEMA, { type: 'null' }],
    },
  }),
};

export const FEED_PAGE_SCHEMA: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: FEED_PAGE_SCHEMA_PATH,
  title: 'Zhifa 双公示 feed page',
  ...object('公开数据的一页：按最后变更排序；下次以 ?since=<next> 继续', {
    items: { type: 'array', items: { $ref: FEED_ITEM_SCHEMA_PATH } },
    next: nullable(string('游标：下次请求的 since 参数')),
  }),
};

/** Every schema by its file name under docs/events/ (and its path under /schemas/). */
export function allJsonSchemas(): { file: string; path: string; schema: JsonSchema }[] {
  return [
    ...DOMAIN_EVENT_TYPES.map((type) => ({
      file: `${type}.json`,
      path: webhookSchemaPath(type),
      schema: webhookEventSchema(type),
    })),
    { file: 'feed-item.json', path: FEED_ITEM_SCHEMA_PATH, schema: FEED_ITEM_SCHEMA },
    { file: 'feed.json', path: FEED_PAGE_SCHEMA_PATH, schema: FEED_PAGE_SCHEMA },
  ];
}
