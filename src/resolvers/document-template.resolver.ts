import {
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../auth/context.js';
import { DocumentKindEnum } from '../schema/document-kind.enum.js';
import { currentTemplates, findTemplateVersion } from '../commands/documents/template-store.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { DocumentTemplateVersion } from '../entities/document-template-version.entity.js';

@ObjectType({ description: '文书模板（templates/ 中的现行模板及其历次已使用的版本）' })
class DocumentTemplateType {
  @Field(() => [DocumentKindEnum], { description: '使用该模板的文书种类（kinds，DocumentKind）' })
  kinds!: string[];
  @Field({ description: '文书名称（title）' }) title!: string;
  @Field({ description: '模板文件名（file）' }) file!: string;
  @Field({ description: '现行措辞版本（version）' }) version!: string;
  @Field({ description: '现行模板文本的 SHA-256（sha256）' }) sha256!: string;
  @Field({ description: '现行模板全文（text）' }) text!: string;
  @Field(() => [DocumentTemplateVersion], {
    description: '已用于生成文书的历次版本（usedVersions），按首次使用时间排列',
  })
  usedVersions!: DocumentTemplateVersion[];
}

@Resolver()
export class DocumentTemplateResolver {
  @Authorized()
  @Query(() => [DocumentTemplateType], {
    description: '文书模板清单（documentTemplates）：每个模板的版本、SHA-256、全文及已使用过的版本',
  })
  async documentTemplates(@Ctx() ctx: RequestContext): Promise<DocumentTemplateType[]> {
    const used = await ctx.em.find(
      DocumentTemplateVersion,
      {},
      { orderBy: { firstUsedAt: 'asc', sha256: 'asc' } },
    );
    return currentTemplates().map((template) =>
      Object.assign(new DocumentTemplateType(), {
        kinds: template.kinds,
        title: template.title,
        file: template.file,
        version: template.version,
        sha256: template.sha256,
        text: template.text,
        usedVersions: used.filter((v) => v.name === template.file),
      }),
    );
  }
}

@Resolver(() => CaseDocument)
export class CaseDocumentTemplateResolver {
  @FieldResolver(() => DocumentTemplateVersion, {
    nullable: true,
    description:
      '生成该文书所用的模板版本（template：名称、版本、SHA-256、全文）；本功能上线前生成且模板已修改的文书为空',
  })
  async template(
    @Root() document: CaseDocument,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentTemplateVersion | null> {
    const stored = await findTemplateVersion(ctx.em, document.templateSha256);
    if (stored) {
      return stored;
    }
    // Generated before template texts were kept: the file on disk still matches its hash.
    const current = currentTemplates().find((t) => t.sha256 === document.templateSha256);
    return current
      ? Object.assign(new DocumentTemplateVersion(), {
          sha256: current.sha256,
          name: current.file,
          version: current.version,
          text: current.text,
          firstUsedAt: document.createdAt,
        })
      : null;
  }
}
