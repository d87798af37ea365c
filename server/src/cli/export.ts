/**
 * `pejling export portfolio --format xlsx|csv --out FILE`: the portfolio of every plan as the
 * fund sees it, through the same services as the Portfolio pages. An .xlsx holds a sheet per view
 * (plans, shared indicators, reporting compliance, grant use); a CSV holds one view (--view).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '@pejling/contracts';
import type { Db } from '../db/database.js';
import type { Principal } from '../http/context.js';
import { recordAudit } from '../features/audit/audit.service.js';
import { toCsv, toXlsxBook, type Sheet } from '../features/exports/export.js';
import {
  complianceColumns,
  grantColumns,
  indicatorColumns,
  indicatorRows,
  planColumns,
} from '../features/portfolio/portfolio.export.js';
import {
  portfolioCompliance,
  portfolioGrantUse,
  portfolioIndicators,
  portfolioOverview,
} from '../features/portfolio/portfolio.service.js';

export const PORTFOLIO_VIEWS = ['overview', 'indicators', 'compliance', 'grants'] as const;
export type PortfolioView = (typeof PORTFOLIO_VIEWS)[number];

export interface PortfolioExportOptions {
  format: 'csv' | 'xlsx';
  out: string;
  view?: PortfolioView;
  locale: Locale;
  areaSecretariatId?: string;
  poolId?: string;
}

/** The command line reads every plan, as the fund does. */
const OPERATOR: Principal = {
  userId: '',
  email: '',
  name: 'pejling export',
  isAdmin: false,
  locale: 'da',
  roles: [{ role: 'fund', organisationKind: null, organisationId: null, planId: null }],
  sessionId: '',
  csrfToken: '',
};

const SHEET_NAMES: Record<PortfolioView, { da: string; en: string }> = {
  overview: { da: 'Planer', en: 'Plans' },
  indicators: { da: 'Fælles indikatorer', en: 'Shared indicators' },
  compliance: { da: 'Rapportering', en: 'Reporting' },
  grants: { da: 'Bevillinger', en: 'Grants' },
};

async function sheet(db: Db, view: PortfolioView, o: PortfolioExportOptions): Promise<Sheet<unknown>> {
  const filters = { areaSecretariatId: o.areaSecretariatId, poolId: o.poolId };
  const name = SHEET_NAMES[view][o.locale];
  if (view === 'overview') {
    const r = await portfolioOverview(db, OPERATOR, filters);
    return { name, rows: r.plans, columns: planColumns(o.locale) } as Sheet<unknown>;
  }
  if (view === 'indicators') {
    const r = await portfolioIndicators(db, OPERATOR, {
      ...filters,
      groupBy: 'focusArea',
      periodKind: 'year',
    });
    return { name, rows: indicatorRows(r, o.locale), columns: indicatorColumns(o.locale) } as Sheet<unknown>;
  }
  if (view === 'compliance') {
    const r = await portfolioCompliance(db, OPERATOR, filters);
    await recordAudit(db, null, { action: 'export', entityType: 'portfolio_compliance', entityId: null });
    return { name, rows: r.rows, columns: complianceColumns(o.locale) } as Sheet<unknown>;
  }
  const r = await portfolioGrantUse(db, OPERATOR, filters);
  return { name, rows: r.plans, columns: grantColumns(o.locale) } as Sheet<unknown>;
}

/** Writes the file and returns a line for the operator. */
export async function exportPortfolio(db: Db, o: PortfolioExportOptions): Promise<string> {
  const views: PortfolioView[] = o.view
    ? [o.view]
    : o.format === 'xlsx'
      ? [...PORTFOLIO_VIEWS]
      : ['overview'];
  const sheets = [];
  for (const v of views) sheets.push(await sheet(db, v, o));
  const data =
    o.format === 'xlsx'
      ? await toXlsxBook(sheets, o.locale)
      : toCsv(sheets[0]!.rows, sheets[0]!.columns, o.locale);
  const file = path.resolve(o.out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  const rows = sheets.map((s) => `${s.name}: ${s.rows.length}`).join(', ');
  return o.locale === 'da' ? `Skrev ${file} (${rows})` : `Wrote ${file} (${rows})`;
}
