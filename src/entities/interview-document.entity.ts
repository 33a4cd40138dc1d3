import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Rel,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { DocumentKind } from '../procedure/effects.js';
import { DocumentKindEnum } from '../schema/document-kind.enum.js';
import { Interview } from './interview.entity.js';
import { uuidv7 } from './uuid.js';
import {
  HashColumn,
  IdColumn,
  IntColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
} from './columns.js';

/**
 * 约谈文书 (约谈笔录): a document of an interview, stored for good like a case's (case_document):
 * template name, version and hash, the view model, the bytes and their SHA-256; a trigger refuses
 * UPDATE and DELETE. Its own table because case_document requires a case and its chain and
 * numbering are the case's, while a stand-alone interview has no case; the 约谈笔录 is a record
 * (笔录) and carries no document number, as the 询问笔录 carries none.
 */
@ObjectType({ description: '约谈文书（生成后不可更改）' })
@Entity({ tableName: 'interview_document' })
@Unique({ name: 'interview_document_version_unique', properties: ['interview', 'kind', 'version'] })
@Index({ name: 'interview_document_interview_idx', properties: ['interview', 'createdAt'] })
export class InterviewDocument {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: '文书标识（id，UUIDv7）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Interview, { ref: false })
  interview!: Rel<Interview>;

  @Property({ type: 'text' })
  officePath!: string;

  @Field(() => DocumentKindEnum, { description: '文书种类（kind，DocumentKind）' })
  @Property({ type: 'text' })
  kind!: DocumentKind;

  @TextColumn('文书名称')
  title!: string;

  @IntColumn('同一约谈同种文书的第几版')
  version!: number;

  @TextColumn('生成所用模板名称（templateName）')
  templateName!: string;

  @HashColumn('生成所用模板版本的 SHA-256（templateSha256），可据此找回模板原文')
  templateSha256!: string;

  @JsonColumn('生成时的数据模型（model）')
  model!: object;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @HashColumn('文件的 SHA-256')
  sha256!: string;

  @IntColumn('文件大小（sizeBytes，字节）')
  sizeBytes!: number;

  @IdColumn('生成人')
  createdBy!: string;

  @TimestampColumn('生成时间（createdAt，UTC）')
  createdAt: Date = new Date();
}
