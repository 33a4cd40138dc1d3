import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import {
  assertNotMadePerParty,
  assertNotServed,
  correctCaseDocument,
} from '../commands/documents/correct-document.js';
import { requiredText } from '../commands/validate.js';
import { exportCaseFile } from '../commands/case-file.js';
import { findVisibleCase } from './case.resolver.js';
import { requireActor, runInTransaction } from '../auth/auth-checker.js';
import { inSavepoint } from '../db/savepoint.js';
import type { Actor, RequestContext } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import {
  appendCaseEvent,
  chainTipOfLoadedCase,
  isCaseUnread,
  type ChainTip,
  type NewCaseEvent,
} from '../commands/case-events.js';
import { loadCaseWithRelations } from '../commands/procedure/load-case.js';
import { readDocumentReads } from '../commands/documents/document-reads.js';
import { storeGeneratedDocument } from '../commands/documents/store-generated-document.js';
import { DOCUMENT_NUMBER_CODES } from '../documents/numbering.js';
import type { CaseEvent } from '../entities/case-event.entity.js';
import type { DocumentSections } from '../commands/documents/build-document-source.js';
import {
  assertDocumentKind,
  generateCaseDocument,
  previewCaseDocument,
} from '../commands/documents/generate-case-document.js';
import { DocumentPreviewType } from '../schema/procedure.types.js';
import { assertSectionsMatchKind } from '../commands/documents/validate-sections.js';
import { DocumentKindEnum } from '../schema/document-kind.enum.js';
import type { DocumentKind } from '../procedure/effects.js';
import { isUuid } from '../commands/office.commands.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { InterviewDocument } from '../entities/interview-document.entity.js';
import { caseLoaders } from './case-loaders.js';
import { Case } from '../entities/case.entity.js';
import { DomainError, NotFoundError } from '../errors/domain-error.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import type { EntityManager } from '@mikro-orm/postgresql';

@Resolver(() => Case)
export class CaseDocumentsResolver {
  @FieldResolver(() => [CaseDocument], {
    description: '本案已生成的执法文书（含历次版本），按生成时间排列',
  })
  documents(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<CaseDocument[]> {
    return caseLoaders(ctx).documents.load(found.id);
  }

  @Authorized('CASE_HANDLER', 'OFFICE_HEAD', 'LEGAL_REVIEWER', 'HEARING_OFFICER')
  @Mutation(() => CaseDocument, {
    description:
      '按需生成一份执法文书（新版本，旧版本保留）。sections 提供该文书所需的内容（如 inquiry、inspection、hearing.record），缺项时拒绝并指明字段',
  })
  generateDocument(
    @Arg('caseId', () => ID, { description: '案件（caseId）' }) caseId: string,
    @Arg('kind', () => DocumentKindEnum, { description: '文书种类（kind），如 INQUIRY_TRANSCRIPT' })
    kind: DocumentKind,
    @Arg('sections', () => GraphQLJSON, {
      nullable: true,
      description:
        '文书所需的内容（sections），结构见 documentKinds 的 sectionsSchema（JSON Schema），按其校验，不符的字段一次全部列出；缺少法定要素时拒绝并指明字段',
    })
    sections: DocumentSections | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseDocument> {
    const documentKind = assertDocumentKind(kind);
    // Checked before the transaction: every mismatch with the kind's schema at once.
    assertSectionsMatchKind(documentKind, sections);
    const actor = requireActor(ctx);
    // In a savepoint of the request's transaction (as a step runs): no knex nested transaction,
    // no release round trip (savepoint.ts), and no flush: the writes are one statement below.
    return inSavepoint(ctx.em, async (em) => {
      // With what the document source reads (office, parties, handlers and their certificates)
      // and the chain head: one statement.
      const caseRowRead = isCaseUnread(em, caseId);
      const found = isUuid(caseId) ? await loadCaseWithRelations(em, caseId) : null;
      if (!found || !isInScope(actor, found.officePath)) {
        throw NotFoundError.of('CASE', caseId);
      }
      // Service records, evidence, the kind's latest version and pending entry, the actor's
      // certificates: one statement, read before anything is written (document-reads.ts), and
      // passed to the readers below that would read them again.
      // The number of a numbered kind is taken by the same statement (given back with the
      // savepoint if anything below fails).
      const today = toLocalDate(ctx.now());
      const code = DOCUMENT_NUMBER_CODES[documentKind];
      const reads = await readDocumentReads(
        em,
        actor,
        found,
        documentKind,
        code
          ? {
              officeId: found.office.id,
              year: Number(today.slice(0, 4)),
              series: `DOCUMENT:${code}`,
            }
          : undefined,
      );
      // A served document is corrected (correctDocument), never regenerated.
      await assertNotServed(em, found, documentKind, reads);
      await assertNotMadePerParty(em, found, documentKind);
      const document = await generateCaseDocument(
        em,
        actor,
        found,
        documentKind,
        today,
        sections ?? {},
        { reads, persist: false },
      );
      // The case row read above records the chain's last link; nothing was appended since.
      const event = await recordDocumentEvent(
        em,
        actor,
        found,
        ctx.now(),
        today,
        'generateDocument',
        { input: { kind, sections }, payload: { document: describeDocument(document) } },
        await chainTipOfLoadedCase(em, found, caseRowRead),
        false,
      );
      // The document, the pending entry it fulfils and the event: one statement, no flush.
      await storeGeneratedDocument(em, document, reads.openPending, event);
      return document;
    });
  }

  @Authorized('CASE_HANDLER', 'OFFICE_HEAD', 'LEGAL_REVIEWER', 'HEARING_OFFICER')
  @Query(() => DocumentPreviewType, {
    description:
      '文书预览（previewDocument）：与 generateDocument 相同的内容和校验（缺项时同样拒绝并指明字段），但不取文号（显示为〔预览〕）、首行注明预览稿、不保存、不记入全过程记录',
  })
  async previewDocument(
    @Arg('caseId', () => ID, { description: '案件（caseId）' }) caseId: string,
    @Arg('kind', () => DocumentKindEnum, { description: '文书种类（kind），如 INQUIRY_TRANSCRIPT' })
    kind: DocumentKind,
    @Arg('sections', () => GraphQLJSON, {
      nullable: true,
      description:
        '文书所需的内容（sections），与 generateDocument 的 sections 相同，按 documentKinds 的 sectionsSchema 校验',
    })
    sections: DocumentSections | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentPreviewType> {
    const documentKind = assertDocumentKind(kind);
    assertSectionsMatchKind(documentKind, sections);
    const found = await findVisibleCase(ctx, caseId);
    const preview = await previewCaseDocument(
      ctx.em,
      found,
      documentKind,
      toLocalDate(ctx.now()),
      sections ?? {},
    );
    return Object.assign(new DocumentPreviewType(), preview);
  }
}

enum CorrectionKind {
  SUPPLEMENT = 'SUPPLEMENT',
  CORRECTION = 'CORRECTION',
}
registerEnumType(CorrectionKind, {
  name: 'CorrectionKind',
  description: '补正或者更正',
  valuesConfig: {
    SUPPLEMENT: { description: '补正（SUPPLEMENT）：补充遗漏的内容' },
    CORRECTION: { description: '更正（CORRECTION）：改正错误的内容' },
  },
});

@InputType({ description: '文书的一处补正（更正）' })
class DocumentChangeInput {
  @Field({
    description:
      '文书数据模型中的路径（path），如 party.address、decision.facts.0（见 CaseDocument.model）',
  })
  path!: string;
  @Field({ description: '补正（更正）后的内容（value）' })
  value!: string;
  @Field(() => String, {
    nullable: true,
    description: '通知书中的事项名称（item），如 当事人住所；缺省为路径',
  })
  item?: string | null;
}

@InputType({ description: '补正（更正）已制作或者已送达的文书' })
class CorrectDocumentInput {
  @Field(() => ID, { description: '被补正（更正）的文书（documentId，须为该种文书的最新版本）' })
  documentId!: string;
  @Field(() => CorrectionKind, { description: '补正或者更正（kind）' })
  kind!: CorrectionKind;
  @Field({ description: '补正（更正）的理由（reason）' })
  reason!: string;
  @Field(() => ID, { description: '批准的负责人（approverId，须具有负责人角色）' })
  approverId!: string;
  @Field(() => [DocumentChangeInput], { description: '补正（更正）的内容（changes）' })
  changes!: DocumentChangeInput[];
}

@ObjectType({ description: '补正（更正）的结果：原文书保留，新版本与通知书一并生成' })
class DocumentCorrection {
  @Field(() => CaseDocument, { description: '原文书（original，保留不变）' })
  original!: CaseDocument;
  @Field(() => CaseDocument, { description: '补正（更正）后的新版本（corrected，文号不变）' })
  corrected!: CaseDocument;
  @Field(() => CaseDocument, { description: '文书补正（更正）通知书（notice）' })
  notice!: CaseDocument;
}

@Resolver()
export class DocumentCorrectionResolver {
  @Authorized('CASE_HANDLER', 'OFFICE_HEAD', 'LEGAL_REVIEWER')
  @Mutation(() => DocumentCorrection, {
    description:
      '补正（更正）文书（correctDocument）：不覆盖原文书，生成文号不变的新版本和补正（更正）通知书（原因、批准人、更正内容），全过程记录载明两者；已送达的决定书只能以此更正',
  })
  correctDocument(
    @Arg('input', () => CorrectDocumentInput, {
      description: '补正/更正的内容（input）：原文书、种类、理由、批准人和逐项修改',
    })
    input: CorrectDocumentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentCorrection> {
    const reason = requiredText('reason', input.reason, 2000);
    const changes = input.changes.map((change, index) => ({
      path: requiredText(`changes[${index}].path`, change.path, 200),
      value: requiredText(`changes[${index}].value`, change.value, 5000),
      item: change.item ?? null,
    }));
    return runInTransaction(ctx, async (em, actor) => {
      const original = isUuid(input.documentId)
        ? await em.findOne(CaseDocument, { id: input.documentId }, { populate: ['case'] })
        : null;
      const found = original ? await em.findOne(Case, { id: original.case.id }) : null;
      if (!original || !found || !isInScope(actor, found.officePath)) {
        throw new DomainError('DOCUMENT_NOT_FOUND', 'NOT_FOUND', '文书不存在或不在您的管辖范围内', {
          id: input.documentId,
        });
      }
      const today = toLocalDate(ctx.now());
      const result = await correctCaseDocument(
        em,
        actor,
        found,
        original,
        {
          documentId: input.documentId,
          reason,
          approverId: input.approverId,
          kind: input.kind,
          changes,
        },
        today,
      );
      await recordDocumentEvent(em, actor, found, ctx.now(), today, 'correctDocument', {
        input,
        payload: {
          correction: {
            kind: input.kind,
            reason,
            approverId: input.approverId,
            changes: result.changes,
          },
          original: describeDocument(result.original),
          // Both new documents, as steps list theirs: the chain vouches for their bytes.
          documents: [describeDocument(result.corrected), describeDocument(result.notice)],
        },
      });
      return Object.assign(new DocumentCorrection(), {
        original: result.original,
        corrected: result.corrected,
        notice: result.notice,
      });
    });
  }
}

/** A produced document as the case record names it: the chain vouches for its bytes. */
function describeDocument(document: CaseDocument) {
  return {
    id: document.id,
    kind: document.kind,
    number: document.number,
    version: document.version,
    sha256: document.sha256,
  };
}

/**
 * Producing or correcting a document leaves the case status as it is; the record names the
 * certificate the actor held that day.
 */
async function recordDocumentEvent(
  em: EntityManager,
  actor: Actor,
  found: Case,
  occurredAt: Date,
  today: LocalDate,
  action: string,
  event: Pick<NewCaseEvent, 'input' | 'payload'>,
  /** The chain's last link when the caller knows it (else read here). */
  tip?: ChainTip | null,
  /** false: the caller inserts the event itself (appendCaseEvent). */
  persist = true,
): Promise<CaseEvent> {
  // populate costs its planning even with nothing to load (generateDocument read them).
  if (!actor.officer.certificates.isInitialized()) {
    await em.populate(actor.officer, ['certificates']);
  }
  return appendCaseEvent(
    em,
    found,
    actor,
    {
      action,
      fromStatus: found.status,
      toStatus: found.status,
      occurredAt,
      actorCertificateNumber:
        actor.officer.certificates.getItems().find((c) => c.isValidOn(today))?.number ?? null,
      rulebookVersion: null,
      ...event,
    },
    tip,
    persist,
  );
}

/** A signed short-lived link when the server signs links, else the plain path (Authorization header). */
function signedPath(ctx: RequestContext, path: string): string {
  return ctx.downloadLinks && ctx.actor ? ctx.downloadLinks.sign(path, ctx.actor.officerId) : path;
}

@ObjectType({ description: '案卷导出（全部文书、目录、全过程记录及其校验结果）' })
class CaseFileExportType {
  @Field({ description: '文件名（fileName）' }) fileName!: string;
  @Field({ description: 'ZIP 文件的 SHA-256' }) sha256!: string;
  @Field(() => Int, { description: '文件大小（sizeBytes，字节）' }) sizeBytes!: number;
  @Field(() => Int, { description: '案卷中的文书份数（documentCount）' }) documentCount!: number;
  @Field({ description: '导出时全过程记录哈希链校验通过（auditChainIntact）' })
  auditChainIntact!: boolean;
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
    @Arg('caseId', () => ID, { description: '案件（caseId）' }) caseId: string,
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

@Resolver(() => InterviewDocument)
export class InterviewDocumentResolver {
  @FieldResolver(() => String, {
    description:
      '下载地址 download URL：经签名的短时链接（浏览器可直接打开，无需 Authorization 头，过期失效；加 &format=pdf 为 PDF）',
  })
  downloadUrl(@Root() document: InterviewDocument, @Ctx() ctx: RequestContext): string {
    return signedPath(ctx, `/interview-documents/${document.id}`);
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
