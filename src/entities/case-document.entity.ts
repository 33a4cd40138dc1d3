import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { DocumentKind } from '../procedure/effects.js';
import { DocumentKindEnum } from '../schema/document-kind.enum.js';
import { AppendOnlyCaseRecord } from './case-record.entity.js';
import {
  HashColumn,
  IdColumn,
  IntColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
} from './columns.js';
import { Node } from '../schema/node.js';

/**
 * 执法文书: one generated document, stored for good. Never changed (a trigger
 * refuses UPDATE and DELETE): regenerating makes a new version and the old
 * stays. Holds what is needed to explain and reproduce it: template name,
 * version and hash, the view model, the bytes and their SHA-256.
 */
@ObjectType({ description: '执法文书（生成后不可更改；重新生成为新版本）', implements: Node })
@Entity({ tableName: 'case_document' })
@Unique({ name: 'case_document_version_unique', properties: ['case', 'kind', 'version'] })
@Unique({ name: 'case_document_number_unique', properties: ['number', 'version'] })
@Index({ name: 'case_document_case_idx', properties: ['case', 'createdAt'] })
export class CaseDocument extends AppendOnlyCaseRecord<'createdAt'> {
  @Field(() => DocumentKindEnum, { description: '文书种类（kind，DocumentKind）' })
  @Property({ type: 'text' })
  kind!: DocumentKind;

  @TextColumn('文书名称')
  title!: string;

  @IntColumn('同一案件同种文书的第几版')
  version!: number;

  @TextColumn('文号（对外文书），如 京网信罚〔2026〕12号', { nullable: true })
  number!: string | null;

  @IdColumn(
    '受送达的当事人（partyId）：多名当事人的案件中为每名当事人分别制作的事先告知书、听证通知书、决定书；其他文书为空',
    { nullable: true },
  )
  partyId: string | null = null;

  @TextColumn('生成所用模板名称（templateName）')
  templateName!: string;

  @HashColumn('生成所用模板版本的 SHA-256（templateSha256），可据此找回模板原文')
  templateSha256!: string;

  @JsonColumn(
    '生成时的数据模型（model）：结构按文书种类而定，见 modelSchema 或 documentKinds 的 modelSchema（JSON Schema）',
  )
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
