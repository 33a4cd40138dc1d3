import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../auth/context.js';
import { checkpointSigner, createAuditCheckpoint } from '../commands/audit-checkpoints.js';
import { AuditCheckpoint } from '../entities/audit-checkpoint.entity.js';

@Resolver(() => AuditCheckpoint)
export class AuditCheckpointResolver {
  @Authorized()
  @Query(() => [AuditCheckpoint], {
    description:
      '审计检查点（auditCheckpoints），最新的在前；公开副本见 GET /audit/checkpoints.json，公钥见 GET /audit/checkpoint-key.pem',
  })
  auditCheckpoints(
    @Arg('first', () => Int, {
      defaultValue: 20,
      description: '返回条数（first），1–100',
    })
    first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditCheckpoint[]> {
    return ctx.em.find(
      AuditCheckpoint,
      {},
      { orderBy: { sequence: 'desc' }, limit: Math.min(Math.max(first, 1), 100) },
    );
  }

  @Authorized()
  @Query(() => String, {
    description: '检查点签名公钥（auditCheckpointPublicKey，Ed25519，PEM 格式）',
  })
  auditCheckpointPublicKey(): string {
    return checkpointSigner().publicKeyPem;
  }

  @Authorized('ADMIN')
  @Mutation(() => AuditCheckpoint, {
    description:
      '立即生成审计检查点（createAuditCheckpoint，系统管理员）：对全部案件的哈希链链头计算 Merkle 根并签名，只增不改',
  })
  async createAuditCheckpoint(@Ctx() ctx: RequestContext): Promise<AuditCheckpoint> {
    const { checkpoint } = await createAuditCheckpoint(ctx.em, { now: new Date() });
    return checkpoint;
  }
}
