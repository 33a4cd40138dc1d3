import { graphqlEnum } from '../schema/enums.js';

/**
 * Domain events published to e-government portals. The names are the
 * contract with receivers: add new ones, never rename or reuse one.
 */
export const DOMAIN_EVENT_TYPES = [
  'CASE_DOCKETED', // 立案
  'DOCUMENT_ISSUED', // 文书生成（编号、存档）
  'DOCUMENT_SERVED', // 文书送达
  'DECISION_MADE', // 作出处理决定
  'PAYMENT_RECORDED', // 罚款缴纳已登记
  'CASE_CLOSED', // 结案
  'PUBLICATION_DUE', // 处罚决定信息应予公示
  'PUBLICATION_WITHDRAWN', // 公示已撤下
  'DEADLINE_RECOMPUTED', // 正式节假日安排载入后期限届满日变更
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export function isDomainEventType(value: string): value is DomainEventType {
  return (DOMAIN_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * PENDING: not tried yet. FAILED: the last attempt failed; retried at
 * nextAttemptAt. DELIVERED: a 2xx. DEAD_LETTER: failed its last allowed
 * attempt; no longer retried and no longer holding back the subscription's
 * later events, until an operator calls redeliverWebhook.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'FAILED', 'DELIVERED', 'DEAD_LETTER'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const DomainEventTypeEnum = graphqlEnum<DomainEventType>(
  DOMAIN_EVENT_TYPES,
  'DomainEventType',
  '对外推送的领域事件类型',
  {
    CASE_DOCKETED: '已立案',
    DOCUMENT_ISSUED: '执法文书已生成（编号并存档）',
    DOCUMENT_SERVED: '执法文书已送达',
    DECISION_MADE: '已作出处理决定',
    PAYMENT_RECORDED: '罚款缴纳已登记',
    CASE_CLOSED: '已结案',
    PUBLICATION_DUE: '行政处罚决定信息应予公示',
    PUBLICATION_WITHDRAWN: '公示已撤下',
    DEADLINE_RECOMPUTED:
      '期限已重新计算（DEADLINE_RECOMPUTED）：载入国务院办公厅节假日安排后，按推定年度计算的届满日发生变更',
  },
);

export const WebhookDeliveryStatusEnum = graphqlEnum<WebhookDeliveryStatus>(
  WEBHOOK_DELIVERY_STATUSES,
  'WebhookDeliveryStatus',
  '推送状态',
  {
    PENDING: '待推送',
    FAILED: '上次推送失败，将按退避时间重试',
    DELIVERED: '已送达（接收方返回 2xx）',
    DEAD_LETTER:
      '死信 dead letter：达到最大尝试次数仍失败，不再重试、不再阻塞后续事件；运维人员可用 redeliverWebhook 重新推送',
  },
);
