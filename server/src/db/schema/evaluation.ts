import type { Generated } from 'kysely';
/** Tables of the process evaluation; merged into Database in ../schema.ts. */
interface Stamps {
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface EvaluationStudiesTable extends Stamps {
  id: string;
  name: string;
  question: string | null;
  createdBy: string | null;
  /** 1 for the example study loaded with the demo data. */
  isExample: Generated<number>;
}
export interface EvaluationStudyMembersTable {
  studyId: string;
  userId: string;
  addedAt: string;
}
export interface EvaluationCasesTable extends Stamps {
  id: string;
  studyId: string;
  name: string;
  description: string | null;
  planId: string | null;
  areaSecretariatId: string | null;
  sortOrder: number;
}
export interface EvaluationDataCollectionsTable extends Stamps {
  id: string;
  studyId: string;
  caseId: string | null;
  kind: string;
  title: string;
  date: string | null;
  participantsJson: string;
  consentRecorded: number;
  consentNote: string | null;
}
export interface EvaluationSourcesTable extends Stamps {
  id: string;
  studyId: string;
  caseId: string | null;
  dataCollectionId: string | null;
  kind: string;
  name: string;
  description: string | null;
  text: string;
  length: number;
  filename: string | null;
  encoding: string | null;
  pseudonymisationJson: string | null;
  createdBy: string | null;
}
export interface EvaluationCodesTable extends Stamps {
  id: string;
  studyId: string;
  parentId: string | null;
  name: string;
  description: string | null;
  color: string | null;
  codable: number;
  sortOrder: number;
  role: string | null;
}
export interface EvaluationCodersTable {
  id: string;
  studyId: string;
  userId: string | null;
  name: string;
  createdAt: string;
}
export interface EvaluationCodingsTable {
  id: string;
  studyId: string;
  sourceId: string;
  codeId: string;
  startPos: number;
  endPos: number;
  coderId: string | null;
  createdAt: string;
}
export interface EvaluationMemosTable extends Stamps {
  id: string;
  studyId: string;
  targetKind: string;
  targetId: string | null;
  title: string;
  text: string;
  authorId: string | null;
}
/** A transcript's speaker linked to a participant: respondent group and case. */
export interface EvaluationSpeakerLinksTable {
  id: string;
  studyId: string;
  sourceId: string;
  speaker: string;
  respondentGroup: string | null;
  caseId: string | null;
  createdAt: string;
}
export interface EvaluationFrameworkCellsTable extends Stamps {
  id: string;
  studyId: string;
  caseId: string;
  themeCodeId: string;
  summary: string;
  quoteCodingIdsJson: string;
  authorId: string | null;
}

export interface EvaluationTables {
  evaluationStudies: EvaluationStudiesTable;
  evaluationStudyMembers: EvaluationStudyMembersTable;
  evaluationCases: EvaluationCasesTable;
  evaluationDataCollections: EvaluationDataCollectionsTable;
  evaluationSources: EvaluationSourcesTable;
  evaluationCodes: EvaluationCodesTable;
  evaluationCoders: EvaluationCodersTable;
  evaluationCodings: EvaluationCodingsTable;
  evaluationMemos: EvaluationMemosTable;
  evaluationSpeakerLinks: EvaluationSpeakerLinksTable;
  evaluationFrameworkCells: EvaluationFrameworkCellsTable;
}
