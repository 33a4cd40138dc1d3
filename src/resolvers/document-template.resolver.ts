import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
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
import { documentKindSchemas, type JsonSchema } from '../documents/kind-json-schemas.js';
import type { DocumentKind } from '../procedure/effects.js';

@ObjectType({
  description:
    '文书种类及其 JSON Schema（DocumentKindInfo）：generateDocument/previewDocument 的 sections 按 sectionsSchema 校验，CaseDocument.model 符合 modelSchema',
})
class DocumentKindInfo {
  @Field(() => DocumentKindEnum, { description: '文书种类（kind）' }) kind!: DocumentKind;
  @Field({ description: '文书名称（name）' }) name!: string;
  @Field(() => [String], {
    description:
      '该文书读取的内容部分（sections），如 inquiry；案件、当事人、办案人员等取自案件数据',
  })
  sections!: string[];
  @Field(() => GraphQLJSON, {
    description:
      'sections 的 JSON Schema（sectionsSchema，draft 2020-12）：服务器以同一 Schema 校验 sections，字段不符时一次列出全部错误及其 inputPath',
  })
  sectionsSchema!: JsonSchema;
  @Field(() => GraphQLJSON, {
    description:
      '文书数据模型的 JSON Schema（modelSchema，draft 2020-12）：CaseDocument.model 的结构',
  })
  modelSchema!: JsonSchema;
}

function kindInfo(kind: DocumentKind): DocumentKindInfo | undefined {
  const schemas = documentKindSchemas().get(kind);
  return schemas
    ? Object.assign(new DocumentKindInfo(), {
        kind,
        name: schemas.title,
        sections: [...schemas.sections],
        sectionsSchema: schemas.sectionsSchema,
        modelSchema: schemas.modelSchema,
      })
    : undefined;
}

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
  @Query(() => [DocumentKindInfo], {
    description:
      '文书种类清单（documentKinds）：每种文书所读的内容部分及 sections、数据模型的 JSON Schema',
  })
  documentKinds(
    @Arg('kinds', () => [DocumentKindEnum], {
      nullable: true,
      description: '只列出这些种类（kinds）；不填列出全部',
    })
    kinds: DocumentKind[] | null,
  ): DocumentKindInfo[] {
    const wanted = kinds ?? [...documentKindSchemas().keys()];
    return wanted.map(kindInfo).filter((k): k is DocumentKindInfo => k !== undefined);
  }

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
  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description:
      '数据模型的 JSON Schema（modelSchema）：与 documentKinds 的 modelSchema 相同；未登记生成方式的种类为空',
  })
  modelSchema(@Root() document: CaseDocument): JsonSchema | null {
    return documentKindSchemas().get(document.kind)?.modelSchema ?? null;
  }

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
