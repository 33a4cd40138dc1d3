import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import {
  PUBLICATION_WITHDRAWAL_GROUNDS,
  type PublicationWithdrawalGround,
} from '../procedure/publication.js';
import { PublicationWithdrawalGroundEnum } from '../schema/enums.js';
import type { PublicationFields } from '../publication/publication-record.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { Decision } from './decision.entity.js';
import { DateColumn, OfficePathIndex, TextColumn } from './columns.js';

/**
 * 双公示 record of a penalty decision: published within 7 working days of the
 * decision (dueBy), withdrawn within 3 working days once the decision is
 * changed or annulled (APL art. 48).
 */
@ObjectType({ description: '行政处罚信息公示（双公示）' })
@Entity({ tableName: 'publication' })
@Index({ name: 'publication_feed_idx', properties: ['publishedOn', 'id'] })
@OfficePathIndex('publication')
export class Publication extends BaseEntity<
  | 'withdrawnOn'
  | 'withdrawalDueBy'
  | 'withdrawalReason'
  | 'withdrawalGround'
  | 'withdrawalBasis'
  | 'partyId'
> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @ManyToOne(() => Decision, { ref: false })
  decision!: Rel<Decision>;

  @Property({ type: 'text' })
  officePath!: string;

  /** The standard's fields with their Chinese keys; GraphQL shows them typed (PublicationResolver.fields). */
  @Property({ type: 'json' })
  fields!: PublicationFields;

  @DateColumn('应公示的最后日期（自决定之日起，按规则参数 publicationPeriod 计算）')
  dueBy!: LocalDate;

  @DateColumn('公示日期')
  publishedOn!: LocalDate;

  /**
   * The same date as fields.公示截止期, on purpose: `fields` is the record exactly as portals
   * received it (never rewritten), this column is what the feed and lists filter and index on.
   * Both are written once, from publicationEndsOn(), when the record is made; early removal on
   * credit repair sets withdrawnOn and leaves both as published.
   */
  @DateColumn(
    '公示截止期 endsOn：决定日期加规则参数 publicationDuration；此后记录不再公开（公开数据和默认查询均不含）',
  )
  endsOn!: LocalDate;

  /** The party the record names (a multi-party decision has one record per penalized party). */
  @Property({ type: 'uuid', nullable: true })
  partyId?: string | null;

  @DateColumn('撤下日期', { nullable: true })
  withdrawnOn?: LocalDate | null;

  @DateColumn(
    '应撤下的最后日期（自决定变更或撤销之日起，按规则参数 publicationWithdrawalPeriod 计算）',
    {
      nullable: true,
    },
  )
  withdrawalDueBy?: LocalDate | null;

  @TextColumn('撤下理由（withdrawalReason）', { nullable: true })
  withdrawalReason?: string | null;

  @Field(() => PublicationWithdrawalGroundEnum, {
    nullable: true,
    description: '撤下事由 withdrawalGround：决定被变更或撤销，或者信用修复',
  })
  @Enum({ items: () => [...PUBLICATION_WITHDRAWAL_GROUNDS], type: 'text', nullable: true })
  withdrawalGround?: PublicationWithdrawalGround | null;

  @TextColumn('撤下依据 withdrawalBasis（信用修复的依据，如信用修复决定书文号）', {
    nullable: true,
  })
  withdrawalBasis?: string | null;
}
