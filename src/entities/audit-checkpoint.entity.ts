import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import type { ChainHeadLeaf } from '../audit/merkle.js';
import { HashColumn, IntColumn, TextColumn, TimestampColumn } from './columns.js';

/**
 * 审计检查点: a signed Merkle root over every case's audit-chain head at one
 * moment, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), each
 * linked to the previous one. An external party that keeps the published
 * roots can prove any later rewrite of a case's chain, even a full one.
 */
@ObjectType({
  description:
    '审计检查点（AuditCheckpoint）：全部案件哈希链链头的 Merkle 根及其 Ed25519 签名，只增不改',
})
@Entity({ tableName: 'audit_checkpoint' })
export class AuditCheckpoint {
  @Field(() => Int, { description: '检查点序号（sequence），从 1 起连续' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  sequence!: number;

  @TimestampColumn('生成时间（createdAt）')
  createdAt!: Date;

  @IntColumn('覆盖的案件数（caseCount，有全过程记录的案件）')
  caseCount!: number;

  @HashColumn('Merkle 根（merkleRoot，SHA-256 十六进制）')
  merkleRoot!: string;

  @HashColumn('上一检查点签名陈述的 SHA-256（previousCheckpointHash；第一个为全零）')
  previousCheckpointHash!: string;

  @TextColumn('被签名的陈述（signedStatement，规范化 JSON）')
  signedStatement!: string;

  @TextColumn('Ed25519 签名（signature，Base64）')
  signature!: string;

  @HashColumn('签名公钥标识（keyId，公钥 DER 的 SHA-256）')
  keyId!: string;

  /** Every case's chain head, sorted by case id (the Merkle leaves); not exposed: proofs are. */
  @Property({ type: 'json', lazy: true })
  leaves!: ChainHeadLeaf[];
}
