import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DocumentKind } from '../procedure/effects.js';
import { Case } from './case.entity.js';
import { uuidv7 } from './uuid.js';

/**
 * 执法文书: one generated document, stored for good. Never changed (a trigger
 * refuses UPDATE and DELETE): regenerating makes a new version and the old
 * stays. Holds what is needed to explain and reproduce it: template name,
 * version and hash, the view model, the bytes and their SHA-256.
 */
@ObjectType({ description: '执法文书（生成后不可更改；重新生成为新版本）' })
@Entity({ tableName: 'case_document' })
@Unique({ name: 'case_document_version_unique', properties: ['case', 'kind', 'version'] })
@Unique({ name: 'case_document_number_unique', properties: ['number', 'version'] })
@Index({ name: 'case_document_case_idx', properties: ['case', 'createdAt'] })
export class CaseDocument {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @Field(() => String, { description: '文书种类（DocumentKind）' })
  @Property({ type: 'text' })
  kind!: DocumentKind;

  @Field({ description: '文书名称' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => Int, { description: '同一案件同种文书的第几版' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => String, { nullable: true, description: '文号（对外文书），如 京网信罚〔2026〕12号' })
  @Property({ type: 'text', nullable: true })
  number!: string | null;

  @Field()
  @Property({ type: 'text' })
  templateName!: string;

  @Field()
  @Property({ type: 'character', length: 64 })
  templateSha256!: string;

  @Field(() => GraphQLJSON, { description: '生成时的数据模型' })
  @Property({ type: 'json' })
  model!: object;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Field({ description: '文件的 SHA-256' })
  @Property({ type: 'character', length: 64 })
  sha256!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Field(() => ID, { description: '生成人' })
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
