import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { ServiceFacts } from '../procedure/action-inputs.js';
import {
  SERVICE_METHODS,
  type ServableDocument,
  type ServiceMethod,
} from '../procedure/case-snapshot.js';
import type { LocalDate } from '../procedure/local-date.js';
import { ServableDocumentEnum, ServiceMethodEnum } from '../schema/procedure-enums.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { Party } from './party.entity.js';
import { DateColumn, EnumColumn, IdColumn, TextColumn, TypedJsonColumn } from './columns.js';
import { ServiceFactsType } from '../schema/service-facts.type.js';

@ObjectType({ description: '送达的文书' })
export class ServedDocument {
  @Field(() => ID, { description: '执法文书（case.documents 中的 id）' }) documentId!: string;
  @Field(() => ServableDocumentEnum, { description: '文书种类（kind）' }) kind!: ServableDocument;
  @Field(() => String, { nullable: true, description: '文号' }) number!: string | null;
}

@ObjectType({ description: '送达人' })
export class ServingOfficer {
  @Field(() => ID, { description: '送达人标识（officerId）' }) officerId!: string;
  @Field({ description: '送达人姓名（name，记录时）' }) name!: string;
  @Field(() => String, { nullable: true, description: '送达之日有效的执法证件编号' })
  certificateNumber!: string | null;
}

/**
 * 送达记录: one service of one or more documents of a case on one party, as the service receipt
 * (送达回证) records it — method, the facts that fix the service date, who served, where — and the
 * date the law deems the documents served, which starts the party's periods. Written in the
 * serveDocument transaction; its id is the id of the service in the case's procedure record.
 * Legal basis: 《中华人民共和国行政处罚法》第六十一条 (V); 《中华人民共和国民事诉讼法》第八十七条至第九十五条 (V).
 */
@ObjectType({ description: '送达记录（送达回证的内容）' })
@Entity({ tableName: 'service_record' })
@Index({ name: 'service_record_case_idx', properties: ['case', 'createdAt', 'id'] })
export class ServiceRecord extends BaseEntity<'place' | 'reconsiderationChannel'> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @ManyToOne(() => Party, { ref: false })
  party!: Rel<Party>;

  @Field(() => [ServedDocument], { description: '送达的文书' })
  @Property({ type: 'json' })
  documents!: ServedDocument[];

  @EnumColumn(ServiceMethodEnum, SERVICE_METHODS, '送达方式（method）')
  method!: ServiceMethod;

  @TypedJsonColumn(
    () => ServiceFactsType,
    '送达事实：签收人及身份、签收日期、拒收事由与见证人、电子送达地址、回执、公告等',
  )
  facts!: ServiceFacts;

  @Field(() => [ServingOfficer], { description: '送达人' })
  @Property({ type: 'json' })
  servers!: ServingOfficer[];

  @DateColumn('送达人实施送达的日期（交付、留置、发送、邮寄、委托或者发出公告）')
  servedOn!: LocalDate;

  @DateColumn('依法视为送达的日期（当事人的期限自此起算）')
  deemedServedOn!: LocalDate;

  @TextColumn('视为送达日期的计算说明')
  deemedServiceExplanation!: string;

  @TextColumn('送达地点', { nullable: true })
  place?: string | null;

  @TextColumn(
    '通过互联网渠道送达决定书时同时提供的提交行政复议申请书的互联网渠道（《中华人民共和国行政复议法》第二十二条第二款）',
    { nullable: true },
  )
  reconsiderationChannel?: string | null;

  @IdColumn('记录人')
  createdBy!: string;
}
