import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { DocumentKind } from '../procedure/effects.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { ProcedureAction } from '../procedure/procedure-action.js';
import { DocumentKindEnum } from '../schema/document-kind.enum.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { CaseDocument } from './case-document.entity.js';
import { Case } from './case.entity.js';
import { uuidv7 } from './uuid.js';

/**
 * 待制作文书: a document a step declared due (DOCUMENT_DUE) and did not produce itself. Kept
 * after it is produced (fulfilledBy), so the case file knows which step each document belongs to.
 */
@ObjectType({ description: '待制作文书：程序环节应当制作、尚未制作的执法文书' })
@Entity({ tableName: 'pending_document' })
@Index({ name: 'pending_document_case_idx', properties: ['case', 'dueSequence'] })
export class PendingDocument {
  [OptionalProps]?: 'createdAt' | 'fulfilledBy' | 'fulfilledAt';

  @Field(() => ID, { description: '待制作文书记录的标识（id）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @Field(() => DocumentKindEnum, {
    description: '文书种类（kind，DocumentKind），以 generateDocument 制作',
  })
  @Property({ type: 'text' })
  kind!: DocumentKind;

  @Field({ description: '文书名称（title）' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: '使其应当制作的程序环节（dueBy，操作名称）' })
  @Property({ type: 'text' })
  dueBy!: ProcedureAction;

  @Field(() => LocalDateScalar, { description: '应当制作之日（dueSince，该环节的行为日期）' })
  @Property({ type: 'date' })
  dueSince!: LocalDate;

  /** The sequence of the step's audit event: the document's place in the case file. */
  @Property({ type: 'integer' })
  dueSequence!: number;

  @Field({ description: '结案前必须制作（required）；否则仅提示（无模板或当事人提交的文书）' })
  @Property({ type: 'boolean' })
  required!: boolean;

  /** The document that fulfilled it; null while pending. */
  @ManyToOne(() => CaseDocument, { ref: false, nullable: true })
  fulfilledBy: Rel<CaseDocument> | null = null;

  @Property({ type: 'datetime', nullable: true })
  fulfilledAt: Date | null = null;

  @Field(() => Date, { description: '记录时间（createdAt）' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
