import { ref } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { webhookEventSchema, webhookSchemaPath, type JsonSchema } from '../events/json-schemas.js';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor, runInTransaction } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { isUuid } from '../commands/office.commands.js';
import { DomainEvent } from '../entities/domain-event.entity.js';
import { Office } from '../entities/office.entity.js';
import { WebhookDelivery } from '../entities/webhook-delivery.entity.js';
import { WebhookSubscription } from '../entities/webhook-subscription.entity.js';
import {
  DomainEventTypeEnum,
  WebhookDeliveryStatusEnum,
  type DomainEventType,
  type WebhookDeliveryStatus,
} from '../events/domain-event-types.js';
import {
  deactivateWebhook,
  findManagedWebhook,
  redeliverWebhook,
  registerWebhook,
} from '../events/webhook.commands.js';
import {
  CREATION_ORDERS,
  Connection,
  CreationOrderEnum,
  PageArgs,
  paginate,
  type CreationOrder,
} from '../schema/connection.js';
import { listWithinOffices } from './office-scoped-list.js';

const WebhookConnection = Connection(WebhookSubscription, 'Webhook');
const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery');
const DomainEventConnection = Connection(DomainEvent, 'DomainEvent');

@InputType({ description: '登记事件推送订阅' })
class RegisterWebhookInput {
  @Field(() => ID, { description: '订阅该机关及其下级机关的事件（须在本机关及下级范围内）' })
  officeId!: string;

  @Field({ description: '接收地址（http 或 https）' })
  url!: string;

  @Field(() => [DomainEventTypeEnum], { description: '订阅的事件类型（至少一种）' })
  eventTypes!: DomainEventType[];
}

@ObjectType({ description: '新登记的订阅及其签名密钥' })
class RegisteredWebhook {
  @Field(() => WebhookSubscription, { description: '登记的订阅（webhook）' })
  webhook!: WebhookSubscription;

  @Field({
    description:
      '签名密钥（HMAC-SHA256）：仅在登记时显示这一次，请立即保存；系统不再显示，遗失须重新登记',
  })
  secret!: string;
}

@Resolver(() => WebhookSubscription)
export class WebhookResolver {
  @Authorized('ADMIN')
  @Mutation(() => RegisteredWebhook, {
    description: '登记事件推送订阅（系统管理员，限本机关及下级）；返回的密钥只显示一次',
  })
  registerWebhook(
    @Arg('input', () => RegisterWebhookInput, { description: '订阅信息（input）' })
    input: RegisterWebhookInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegisteredWebhook> {
    return runInTransaction(ctx, (em, actor) => registerWebhook(em, actor, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookSubscription, {
    description: '停用事件推送订阅（不再推送，包括尚未送达的事件）',
  })
  deactivateWebhook(
    @Arg('id', () => ID, { description: '要停用的订阅（id）' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscription> {
    return runInTransaction(ctx, (em, actor) => deactivateWebhook(em, actor, id, ctx.now()));
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookDelivery, {
    description:
      '重新推送 redeliver：把一条推送记录（通常是死信 DEAD_LETTER）重新排入队列，按原顺序推送，尝试次数清零',
  })
  redeliverWebhook(
    @Arg('deliveryId', () => ID, { description: '推送记录 id（delivery id）' }) deliveryId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDelivery> {
    return runInTransaction(ctx, (em, actor) => redeliverWebhook(em, actor, deliveryId, ctx.now()));
  }

  @Authorized('ADMIN')
  @Query(() => WebhookConnection, { description: '本机关及下级机关的事件推送订阅' })
  async webhooks(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('officeId', () => ID, { nullable: true, description: '只列出该机关及其下级机关的订阅' })
    officeId: string | null,
    @Arg('includeInactive', () => Boolean, { nullable: true, description: '包含已停用的订阅' })
    includeInactive: boolean | null,
    @Arg('orderBy', () => CreationOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: CreationOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listWithinOffices(
      ctx,
      WebhookSubscription,
      officeId,
      { where: includeInactive ? {} : { active: true } },
      page,
      CREATION_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
    );
  }

  @Authorized('ADMIN')
  @Query(() => WebhookDeliveryConnection, {
    description: '某订阅的推送记录（运维排查：失败原因、重试次数、下次尝试时间）',
  })
  async webhookDeliveries(
    @Arg('webhookId', () => ID, { description: '订阅（webhookId）' }) webhookId: string,
    @Arg('status', () => WebhookDeliveryStatusEnum, {
      nullable: true,
      description: '只列出该状态的推送（status）',
    })
    status: WebhookDeliveryStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('orderBy', () => CreationOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: CreationOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    const webhook = await findManagedWebhook(ctx.em, requireActor(ctx), webhookId);
    return paginate(
      ctx.em,
      WebhookDelivery,
      { kind: 'all' },
      { where: { subscription: webhook, ...(status ? { status } : {}) } },
      CREATION_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
      page,
    );
  }

  @FieldResolver(() => Office, { description: '订阅机关' })
  office(@Root() webhook: WebhookSubscription): Promise<Office> {
    return ref(webhook.office).loadOrFail();
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => DomainEvent, { description: '推送的事件' })
  event(@Root() delivery: WebhookDelivery): Promise<DomainEvent> {
    return ref(delivery.event).loadOrFail();
  }
}

@Resolver(() => DomainEvent)
export class DomainEventResolver {
  @FieldResolver(() => GraphQLJSON, {
    description:
      '推送内容的 JSON Schema（payloadSchema，draft 2020-12）：该事件类型的请求体结构，与 payloadSchemaUrl 所提供的相同；payload 符合此 Schema',
  })
  payloadSchema(@Root() event: DomainEvent): JsonSchema {
    return webhookEventSchema(event.type);
  }

  @FieldResolver(() => String, {
    description:
      '推送内容 JSON Schema 的地址（payloadSchemaUrl），相对于服务地址，如 /schemas/webhook/CASE_STATUS_CHANGED.json',
  })
  payloadSchemaUrl(@Root() event: DomainEvent): string {
    return webhookSchemaPath(event.type);
  }

  @Authorized()
  @Query(() => DomainEventConnection, {
    description: '本机关及下级机关的领域事件（发件箱，新的在前）',
  })
  async domainEvents(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('type', () => DomainEventTypeEnum, {
      nullable: true,
      description: '只列出该类型的事件（type）',
    })
    type: DomainEventType | null,
    @Arg('caseId', () => ID, { nullable: true, description: '只列出该案件的事件（caseId）' })
    caseId: string | null,
    @Arg('orderBy', () => CreationOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: CreationOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    // No office argument: the actor's own office and those below it.
    return listWithinOffices(
      ctx,
      DomainEvent,
      null,
      {
        where: {
          ...(type ? { type } : {}),
          ...(caseId
            ? { caseId: isUuid(caseId) ? caseId : '00000000-0000-0000-0000-000000000000' }
            : {}),
        },
      },
      page,
      CREATION_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
    );
  }
}
