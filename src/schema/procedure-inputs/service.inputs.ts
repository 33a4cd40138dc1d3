import { Field, ID, InputType } from 'type-graphql';
import type {
  PublicNoticeGround,
  ServiceRecipientRole,
  WitnessCapacity,
} from '../../procedure/action-inputs.js';
import type { ServiceMethod } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  PublicNoticeGroundEnum,
  ServiceMethodEnum,
  ServiceRecipientRoleEnum,
  WitnessCapacityEnum,
} from '../procedure-enums.js';
import { AudioVisualRecordInput } from './common.inputs.js';
import { LocalDateScalar } from '../scalars.js';

/** Inputs of the service of documents (送达回证). */

@InputType({ description: '送达事实（按送达方式填写，缺少的事实由规则指出）' })
export class ServiceFactsInput {
  @Field(() => String, { nullable: true, description: '签收人（或者拒收人）姓名' })
  recipientName?: string | null;
  @Field(() => ServiceRecipientRoleEnum, { nullable: true, description: '签收人的身份' })
  recipientRole?: ServiceRecipientRole | null;
  @Field(() => Boolean, { nullable: true, description: '受送达人（或者代收人）已在送达回证上签收' })
  signed?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '送达回证上注明的收到日期' })
  signedOn?: LocalDate | null;
  @Field(() => String, { nullable: true, description: '留置送达：拒绝签收的事由' })
  refusalReason?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: '留置送达：在场见证的基层组织或者所在单位代表',
  })
  witnesses?: string[] | null;
  @Field(() => WitnessCapacityEnum, {
    nullable: true,
    description:
      '留置送达：见证人的身份（witnessCapacity）；应当是有关基层组织或者所在单位的代表，否则须拍照、录像记录',
  })
  witnessCapacity?: WitnessCapacity | null;
  @Field(() => String, {
    nullable: true,
    description:
      '留置送达：拍照、录像等记录送达过程的编号（规则参数 audioVisualRecordRequiredFrom 所定日期前的记录；此后应当填写 audioVisualRecord）',
  })
  audiovisualRecordRef?: string | null;
  @Field(() => AudioVisualRecordInput, {
    nullable: true,
    description: '留置送达：记录送达过程的音像记录（audioVisualRecord）',
  })
  audioVisualRecord?: AudioVisualRecordInput | null;
  @Field(() => String, {
    nullable: true,
    description: '电子送达：送达地址（须为当事人在送达地址确认书中确认的地址）',
  })
  electronicAddress?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '电子送达：到达受送达人特定系统的日期',
  })
  reachedSystemOn?: LocalDate | null;
  @Field(() => String, {
    nullable: true,
    description:
      '电子送达决定书：同时提供的提交行政复议申请书的互联网渠道（reconsiderationChannel，网址或者平台名称；《中华人民共和国行政复议法》第二十二条第二款）',
  })
  reconsiderationChannel?: string | null;
  @Field(() => String, { nullable: true, description: '邮寄送达：邮件编号' })
  trackingNumber?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '邮寄送达：回执上注明的收件日期' })
  mailReceiptOn?: LocalDate | null;
  @Field(() => String, {
    nullable: true,
    description: '委托送达、转交送达：受托或者转交的机关、单位',
  })
  intermediary?: string | null;
  @Field(() => PublicNoticeGroundEnum, { nullable: true, description: '公告送达：事由' })
  publicNoticeGround?: PublicNoticeGround | null;
  @Field(() => String, { nullable: true, description: '公告送达：发布公告的媒体或者场所' })
  publicationMedium?: string | null;
  @Field(() => String, { nullable: true, description: '公告送达：原因和经过（记入案卷）' })
  reasonAndProcess?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '催告书：当事人拒绝接收或者无法直接送达（《中华人民共和国行政强制法》第三十八条）',
  })
  directServiceImpossible?: boolean | null;
}

@InputType({ description: '送达文书（送达回证）' })
export class ServeDocumentInput {
  @Field(() => [ID], { description: '送达的执法文书（case.documents 中的 id）' })
  documentIds!: string[];
  @Field(() => ID, { nullable: true, description: '受送达的当事人（案件只有一名当事人时可省略）' })
  partyId?: string | null;
  @Field(() => ServiceMethodEnum, { description: '送达方式（method）' }) method!: ServiceMethod;
  @Field(() => LocalDateScalar, {
    description: '实施送达的日期（交付、留置、发送、邮寄、委托或者发出公告之日）',
  })
  servedOn!: LocalDate;
  @Field(() => ServiceFactsInput, {
    nullable: true,
    description: '送达事实（facts）：签收人、拒收与见证人、电子送达地址、公告等，按送达方式填写',
  })
  facts?: ServiceFactsInput | null;
  @Field(() => [ID], { nullable: true, description: '送达人（直接送达、留置送达须载明）' })
  serverIds?: string[] | null;
  @Field(() => String, { nullable: true, description: '送达地点' }) place?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '决定书超过 decisionServicePeriod 送达的，说明理由',
  })
  lateServiceReason?: string | null;
}
