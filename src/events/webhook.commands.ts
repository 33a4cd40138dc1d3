import type { EntityManager } from '@mikro-orm/postgresql';
import { checkWebhookTarget } from './webhook-target.js';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { isUuid } from '../commands/office.commands.js';
import { Office } from '../entities/office.entity.js';
import { WebhookSubscription } from '../entities/webhook-subscription.entity.js';
import { WebhookDelivery } from '../entities/webhook-delivery.entity.js';
import { NotFoundError, ValidationError } from '../errors/domain-error.js';
import type { DomainEventType } from './domain-event-types.js';

/** Registering and deactivating portal webhooks (system administrators, own office and below). */

export interface RegisterWebhookFields {
  officeId: string;
  url: string;
  eventTypes: DomainEventType[];
}

export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** http(s) only, no credentials in the URL (they would end up in logs), no fragment. */
export function checkWebhookUrl(value: string): string {
  const invalid = (reason: string) =>
    ValidationError.field('WEBHOOK_URL_INVALID', 'url', `接收地址无效：${reason}`, { reason });
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_WEBHOOK_URL_LENGTH) {
    throw invalid(`须为 1–${MAX_WEBHOOK_URL_LENGTH} 个字符`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('不是合法的网址');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('只支持 http 或 https');
  }
  if (url.username || url.password) {
    throw invalid('网址中不得包含用户名或密码');
  }
  if (url.hash) {
    throw invalid('网址中不得包含 # 片段');
  }
  return url.toString();
}

/** 32 random bytes; the prefix tells an operator what a leaked string is. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function webhookNotFound(id: string): NotFoundError {
  return new NotFoundError('WEBHOOK_NOT_FOUND', 'NOT_FOUND', '推送订阅不存在或不在您的管辖范围内', {
    id,
  });
}

export async function registerWebhook(
  em: EntityManager,
  actor: Actor,
  fields: RegisterWebhookFields,
): Promise<{ webhook: WebhookSubscription; secret: string }> {
  const office = isUuid(fields.officeId) ? await em.findOne(Office, { id: fields.officeId }) : null;
  if (!office || !isInScope(actor, office.path)) {
    throw NotFoundError.of('OFFICE', fields.officeId);
  }
  const url = checkWebhookUrl(fields.url);
  const target = await checkWebhookTarget(url);
  if (!target.ok) {
    throw ValidationError.field(
      'WEBHOOK_URL_NOT_PUBLIC',
      'url',
      '接收地址须为公网地址：回环、内网、链路本地等地址须经系统管理员列入允许清单',
      { reason: 'PRIVATE_ADDRESS' },
    );
  }
  const eventTypes = [...new Set(fields.eventTypes)];
  if (eventTypes.length === 0) {
    throw ValidationError.field(
      'WEBHOOK_EVENT_TYPES_REQUIRED',
      'eventTypes',
      '请至少选择一种事件类型',
    );
  }
  const secret = generateWebhookSecret();
  const webhook = em.create(WebhookSubscription, {
    office,
    officePath: office.path,
    url,
    secret,
    eventTypes,
    createdBy: actor.officerId,
  });
  await em.flush();
  return { webhook, secret };
}

export async function findManagedWebhook(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<WebhookSubscription> {
  const webhook = isUuid(id) ? await em.findOne(WebhookSubscription, { id }) : null;
  if (!webhook || !isInScope(actor, webhook.officePath)) {
    throw webhookNotFound(id);
  }
  return webhook;
}

/** Stops new deliveries (and the sending of pending ones); the history stays. Idempotent. */
export async function deactivateWebhook(
  em: EntityManager,
  actor: Actor,
  id: string,
  now: Date,
): Promise<WebhookSubscription> {
  const webhook = await findManagedWebhook(em, actor, id);
  if (webhook.active) {
    webhook.active = false;
    webhook.deactivatedAt = now;
    await em.flush();
  }
  return webhook;
}

/**
 * Operators replay a delivery (a dead letter, or one a receiver lost): it is
 * queued again at its place in the subscription's order, with a fresh attempt count.
 */
export async function redeliverWebhook(
  em: EntityManager,
  actor: Actor,
  deliveryId: string,
  now: Date,
): Promise<WebhookDelivery> {
  const delivery = isUuid(deliveryId)
    ? await em.findOne(WebhookDelivery, { id: deliveryId }, { populate: ['subscription'] })
    : null;
  if (!delivery || !isInScope(actor, delivery.subscription.officePath)) {
    throw new NotFoundError(
      'WEBHOOK_DELIVERY_NOT_FOUND',
      'NOT_FOUND',
      '推送记录不存在或不在您的管辖范围内',
      { id: deliveryId },
    );
  }
  delivery.status = 'PENDING';
  delivery.attempts = 0;
  delivery.nextAttemptAt = now;
  await em.flush();
  return delivery;
}
