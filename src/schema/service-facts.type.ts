import { Field, ObjectType } from 'type-graphql';
import type {
  PublicNoticeGround,
  ServiceRecipientRole,
  WitnessCapacity,
} from '../procedure/action-inputs.js';
import type { LocalDate } from '../procedure/local-date.js';
import {
  PublicNoticeGroundEnum,
  ServiceRecipientRoleEnum,
  WitnessCapacityEnum,
} from './procedure-enums.js';
import { LocalDateScalar } from './scalars.js';

/**
 * The facts of one service as recorded (ServiceFacts of src/procedure/action-inputs.ts): the
 * stored JSON of service_record.facts, shown field by field; a fact the method does not need is null.
 */
@ObjectType('ServiceFacts', {
  description: '送达事实（ServiceFacts）：送达回证记载的事实；该送达方式不需要的事实为空',
  simpleResolvers: true,
})
export class ServiceFactsType {
  @Field(() => LocalDateScalar, {
    description: '实施送达的日期（servedOn）：交付、留置、发送、邮寄、委托或者发出公告之日',
  })
  servedOn!: LocalDate;
  @Field(() => String, { nullable: true, description: '签收人（或者拒收人）姓名' })
  recipientName!: string | null;
  @Field(() => ServiceRecipientRoleEnum, { nullable: true, description: '签收人的身份' })
  recipientRole!: ServiceRecipientRole | null;
  @Field(() => Boolean, { nullable: true, description: '受送达人（或者代收人）已在送达回证上签收' })
  signed!: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '送达回证上注明的收到日期' })
  signedOn!: LocalDate | null;
  @Field(() => String, { nullable: true, description: '留置送达：拒绝签收的事由' })
  refusalReason!: string | null;
  @Field(() => [String], {
    nullable: true,
    description: '留置送达：在场见证的基层组织或者所在单位代表',
  })
  witnesses!: string[] | null;
  @Field(() => WitnessCapacityEnum, {
    nullable: true,
    description:
      '留置送达：见证人的身份（witnessCapacity；《中华人民共和国民事诉讼法》第八十九条）',
  })
  witnessCapacity!: WitnessCapacity | null;
  @Field(() => String, { nullable: true, description: '留置送达：拍照、录像等记录送达过程的编号' })
  audiovisualRecordRef!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '电子送达：送达地址（须为当事人在送达地址确认书中确认的地址）',
  })
  electronicAddress!: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '电子送达：到达受送达人特定系统的日期',
  })
  reachedSystemOn!: LocalDate | null;
  @Field(() => String, { nullable: true, description: '邮寄送达：邮件编号' })
  trackingNumber!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '邮寄送达：回执上注明的收件日期' })
  mailReceiptOn!: LocalDate | null;
  @Field(() => String, {
    nullable: true,
    description: '委托送达、转交送达：受托或者转交的机关、单位',
  })
  intermediary!: string | null;
  @Field(() => PublicNoticeGroundEnum, { nullable: true, description: '公告送达：事由' })
  publicNoticeGround!: PublicNoticeGround | null;
  @Field(() => String, { nullable: true, description: '公告送达：发布公告的媒体或者场所' })
  publicationMedium!: string | null;
  @Field(() => String, { nullable: true, description: '公告送达：原因和经过（记入案卷）' })
  reasonAndProcess!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '催告书：当事人拒绝接收或者无法直接送达（《中华人民共和国行政强制法》第三十八条）',
  })
  directServiceImpossible!: boolean | null;
}
