import { Entity, PrimaryKey } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TextColumn, TimestampColumn } from './columns.js';

/**
 * 文书模板版本: the text of every template version that produced a stored document, kept by its
 * SHA-256 (the hash each CaseDocument records), so a document can be explained and re-rendered
 * after the template file changed. Written once per hash, never changed.
 */
@ObjectType({ description: '文书模板版本（模板文本按 SHA-256 保存，生成文书时记录）' })
@Entity({ tableName: 'document_template_version' })
export class DocumentTemplateVersion {
  @Field({ description: '模板文本的 SHA-256（sha256）' })
  @PrimaryKey({ type: 'character', length: 64 })
  sha256!: string;

  @TextColumn('模板文件名（name），如 penalty-decision.hbs')
  name!: string;

  @TextColumn('措辞版本（version），如 2026-11')
  version!: string;

  @TextColumn('模板全文（text）')
  text!: string;

  @TimestampColumn('首次用于生成文书的时间（firstUsedAt）')
  firstUsedAt: Date = new Date();
}
