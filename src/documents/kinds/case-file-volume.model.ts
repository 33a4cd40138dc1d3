/**
 * The file's own sheets (SAMR 2021 model forms 54–56): 卷宗封面, 卷内文件目录 (with page numbers),
 * 卷内备考表. Built by the case-file export from the stored documents (src/commands/case-file-volume.ts);
 * internal, no seal.
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource } from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind, type DocumentKindDefinition } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';
import type { DocumentKind } from '../../procedure/effects.js';
import type { MandatoryElements } from '../template-contract.js';

const d = localDate;

export interface CaseFileModel extends BaseModel {
  readonly caseFile: {
    readonly closedOn: string | null;
    readonly result: string;
    readonly retention: string;
    readonly pageCount: number;
    readonly entries: readonly {
      readonly order: number;
      readonly title: string;
      readonly number: string;
      readonly date: string;
      readonly pages: string;
      readonly note: string;
    }[];
    readonly remarks: string;
    readonly compiledBy: string;
    readonly checkedBy: string | null;
    readonly compiledOn: string;
  };
}

function buildCaseFileModel(kind: DocumentKind) {
  return (source: CaseDocumentSource): CaseFileModel => {
    const file = requireSection(kind, source.caseFile, 'caseFile');
    return {
      ...baseModel(kind, source),
      caseFile: {
        closedOn: file.closedOn,
        result: file.result,
        retention: file.retention,
        pageCount: file.pageCount,
        entries: file.entries.map((entry, index) => ({
          order: index + 1,
          title: entry.title,
          number: entry.number ?? '—',
          date: entry.date,
          pages:
            entry.firstPage === entry.lastPage
              ? String(entry.firstPage)
              : `${entry.firstPage}—${entry.lastPage}`,
          note: entry.note ?? '—',
        })),
        remarks: file.remarks,
        compiledBy: file.compiledBy,
        checkedBy: file.checkedBy,
        compiledOn: file.compiledOn,
      },
    };
  };
}

export const sampleCaseFile = {
  closedOn: d('2026-12-28'),
  result: '警告，罚款人民币伍万元整；已执行完毕',
  retention: '长期',
  pageCount: 24,
  entries: [
    {
      title: '案件来源登记表',
      number: null,
      date: d('2026-08-12'),
      firstPage: 4,
      lastPage: 4,
      note: null,
    },
    {
      title: '行政处罚决定书',
      number: '京网信罚〔2026〕1号',
      date: d('2026-11-05'),
      firstPage: 15,
      lastPage: 17,
      note: null,
    },
  ],
  remarks: '本卷文书齐全，原件与电子文件一致。',
  compiledBy: '李某',
  checkedBy: '孙某',
  compiledOn: d('2027-01-05'),
};

function volumeKind(
  kind: DocumentKind,
  title: string,
  templateFile: string,
  elements: MandatoryElements,
): DocumentKindDefinition {
  const all: MandatoryElements = {
    paths: ['office.name', 'case.number', 'case.cause', 'party.name', ...(elements.paths ?? [])],
    phrases: elements.phrases ?? [],
  };
  return defineKind<CaseFileModel>({
    kind,
    title,
    templateFile,
    version: '2026-12',
    sealed: false,
    buildModel: buildCaseFileModel(kind),
    mandatoryElements: all,
    mandatoryElementsFor: () => all,
    sampleInput: {
      ...withDocument(sampleCaseSource, null, '2027-01-05'),
      caseFile: sampleCaseFile,
    },
  });
}

export const caseFileCoverKind = volumeKind('CASE_FILE_COVER', '卷宗封面', 'case-file-cover.hbs', {
  paths: ['caseFile.result', 'caseFile.retention', 'caseFile.pageCount', 'case.registeredOn'],
  phrases: ['行政处罚案卷'],
});

export const caseFileContentsKind = volumeKind(
  'CASE_FILE_CONTENTS',
  '卷内文件目录',
  'case-file-contents.hbs',
  { paths: ['caseFile.entries'], phrases: ['卷内文件目录', '页号'] },
);

export const caseFileRemarksKind = volumeKind(
  'CASE_FILE_REMARKS',
  '卷内备考表',
  'case-file-remarks.hbs',
  {
    paths: ['caseFile.remarks', 'caseFile.compiledBy', 'caseFile.compiledOn', 'caseFile.pageCount'],
    phrases: ['卷内备考表', '立卷人'],
  },
);
