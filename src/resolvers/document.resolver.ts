import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { exportCaseFile } from '../commands/case-file.js';
import { findVisibleCase } from './case.resolver.js';
import { runInTransaction } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { appendCaseEvent } from '../commands/case-events.js';
import type { DocumentSections } from '../commands/documents/build-document-source.js';
import {
  assertDocumentKind,
  generateCaseDocument,
} from '../commands/documents/generate-case-document.js';
import { isUuid } from '../commands/office.commands.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { Case } from '../entities/case.entity.js';
import { NotFoundError } from '../errors/domain-error.js';
import { toLocalDate } from '../procedure/local-date.js';

@Resolver(() => Case)
export class CaseDocumentsResolver {
  @FieldResolver(() => [CaseDocument], {
    description: '本案已生成的执法文书（含历次版本），按生成时间排列',
  })
  documents(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<CaseDocument[]> {
    return ctx.em.find(
      CaseDocument,
      { case: found.id },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  @Authorized('CASE_HANDLER', 'OFFICE_HEAD', 'LEGAL_REVIEWER', 'HEARING_OFFICER')
  @Mutation(() => CaseDocument, {
    description:
      '按需生成一份执法文书（新版本，旧版本保留）。sections 提供该文书所需的内容（如 inquiry、inspection、hearing.record），缺项时拒绝并指明字段',
  })
  generateDocument(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('kind', () => String, { description: '文书种类，如 INQUIRY_TRANSCRIPT' }) kind: string,
    @Arg('sections', () => GraphQLJSON, { nullable: true }) sections: DocumentSections | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseDocument> {
    const documentKind = assertDocumentKind(kind);
    return runInTransaction(ctx, async (em, actor) => {
      const found = isUuid(caseId) ? await em.findOne(Case, { id: caseId }) : null;
      if (!found || !isInScope(actor, found.officePath)) {
        throw NotFoundError.of('CASE', caseId);
      }
      const today = toLocalDate(ctx.now());
      const document = await generateCaseDocument(
        em,
        actor,
        found,
        documentKind,
        today,
        sections ?? {},
      );
      await em.populate(actor.officer, ['certificates']);
      await appendCaseEvent(em, found, actor, {
        action: 'generateDocument',
        fromStatus: found.status,
        toStatus: found.status,
        occurredAt: ctx.now(),
        actorCertificateNumber:
          actor.officer.certificates.getItems().find((c) => c.isValidOn(today))?.number ?? null,
        rulebookVersion: null,
        input: { kind, sections },
        payload: {
          document: {
            id: document.id,
            kind,
            number: document.number,
            version: document.version,
            sha256: document.sha256,
          },
        },
      });
      return document;
    });
  }
}

/** A signed short-lived link when the server signs links, else the plain path (Authorization header). */
function signedPath(ctx: RequestContext, path: string): string {
  return ctx.downloadLinks && ctx.actor ? ctx.downloadLinks.sign(path, ctx.actor.officerId) : path;
}

@ObjectType({ description: '案卷导出（全部文书、目录、全过程记录及其校验结果）' })
class CaseFileExportType {
  @Field() fileName!: string;
  @Field({ description: 'ZIP 文件的 SHA-256' }) sha256!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => Int) documentCount!: number;
  @Field() auditChainIntact!: boolean;
  @Field({
    description:
      '下载地址 download URL：经签名的短时链接（浏览器可直接打开，无需 Authorization 头，过期失效）',
  })
  downloadUrl!: string;
}

@Resolver()
export class CaseFileResolver {
  @Authorized()
  @Query(() => CaseFileExportType, {
    description: '导出案卷：每份文书（含 SHA-256）、按序目录、全过程记录及哈希链校验结果',
  })
  async exportCaseFile(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseFileExportType> {
    const found = await findVisibleCase(ctx, caseId);
    const file = await exportCaseFile(ctx.em, found);
    return Object.assign(new CaseFileExportType(), {
      fileName: file.fileName,
      sha256: file.sha256,
      sizeBytes: file.content.length,
      documentCount: file.documentCount,
      auditChainIntact: file.auditChainIntact,
      downloadUrl: signedPath(ctx, `/cases/${found.id}/case-file.zip`),
    });
  }
}

@Resolver(() => CaseDocument)
export class CaseDocumentResolver {
  @FieldResolver(() => String, {
    description:
      '下载地址 download URL：经签名的短时链接（浏览器可直接打开，无需 Authorization 头，过期失效；加 &format=pdf 为 PDF）',
  })
  downloadUrl(@Root() document: CaseDocument, @Ctx() ctx: RequestContext): string {
    return signedPath(ctx, `/documents/${document.id}`);
  }
}
