/** Tables of status reports; merged into Database in ../schema.ts. */
export interface StatusReportsTable {
  id: string;
  planId: string;
  title: string;
  period: string;
  audience: string;
  status: string;
  narrativeJson: string;
  frozenFiguresJson: string | null;
  historyJson: string;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  sentAt: string | null;
  sentTo: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ReportsTables {
  statusReports: StatusReportsTable;
}
