import type { ColumnType } from 'kysely';

/** Tables of the implementation markers' questionnaire; merged into Database in ../schema.ts. */
export interface MarkerSurveysTable {
  id: string;
  planId: string;
  /** A calendar year, as text (`2025`). */
  period: string;
  title: string;
  minAnswers: number;
  status: string;
  isExample: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
  version: number;
}
/** A single-use link; only the SHA-256 of its token is stored. */
export interface MarkerSurveyInvitationsTable {
  id: string;
  surveyId: string;
  stakeholderGroup: string;
  tokenHash: string;
  isAnswered: number;
  createdAt: string;
}
/** An anonymous answer: no invitation, person or time; a random (not time-ordered) id. */
export interface MarkerSurveyAnswersTable {
  id: string;
  surveyId: string;
  stakeholderGroup: string;
  scoresJson: string;
}
/** A failed look-up of a questionnaire token, for throttling by address. */
export interface MarkerTokenFailuresTable {
  id: string;
  ip: string;
  at: string;
}
export interface MarkersTables {
  markerSurveys: MarkerSurveysTable;
  markerSurveyInvitations: MarkerSurveyInvitationsTable;
  markerSurveyAnswers: MarkerSurveyAnswersTable;
  markerTokenFailures: MarkerTokenFailuresTable;
}
