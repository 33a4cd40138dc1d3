import { ArgsType, Field } from 'type-graphql';

/** registerCaseSource's arguments besides its input: the case does not exist yet. */
@ArgsType()
export class NewCaseStepArgs {
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      '试运行（dryRun）：完整演练登记后回滚；不取案件编号、不写入任何数据，拒绝的条件和原因与正式操作相同',
  })
  dryRun!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      '补录理由 lateEntryReason：收到材料之日早于录入日超过规则参数 lateEntryReasonThreshold 个工作日的，必须说明',
  })
  lateEntryReason?: string | null;
}
