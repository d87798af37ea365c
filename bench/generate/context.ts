import type { Executor } from '../../server/src/db/database.js';
import type { BulkWriter } from './bulk.js';
import type { Rng } from './prng.js';

export type Size = 'small' | 'national' | '4x';
export const SIZES: readonly Size[] = ['small', 'national', '4x'];

/** How much of each thing a size holds. Later capabilities add their own counts here. */
export interface Scale {
  municipalities: number;
  plans: number;
  housingOrganisations: number;
  areaSecretariats: number;
  /** Totals over all plans (the results module spreads them evenly). */
  activities: number;
  participants: number;
  registrations: number;
  /** Values entered or imported by hand; values computed from registrations come on top. */
  indicatorValues: number;
}

export const SCALES: Record<Size, Scale> = {
  small: {
    municipalities: 10,
    plans: 20,
    housingOrganisations: 8,
    areaSecretariats: 2,
    activities: 100,
    participants: 400,
    registrations: 2_000,
    indicatorValues: 1_000,
  },
  national: {
    municipalities: 98,
    plans: 250,
    housingOrganisations: 60,
    areaSecretariats: 12,
    activities: 25_000,
    participants: 1_000_000,
    registrations: 5_000_000,
    indicatorValues: 500_000,
  },
  '4x': {
    municipalities: 98,
    plans: 1000,
    housingOrganisations: 240,
    areaSecretariats: 48,
    activities: 100_000,
    participants: 4_000_000,
    registrations: 20_000_000,
    indicatorValues: 2_000_000,
  },
};

/** The password of every generated account (the bench and reliability suites log in with it). */
export const GENERATED_PASSWORD = 'generated-password-long-enough';
export const GENERATED_ADMIN_EMAIL = 'admin@bench.pejling.example';

/** What one generator module leaves for the next (ids it made, by kind). */
export interface Generated {
  municipalityIds: string[];
  housingOrganisationIds: string[];
  areaIds: string[];
  secretariatIds: string[];
  plans: {
    id: string;
    poolId: string;
    municipalityId: string;
    housingOrganisationId: string;
    periodStart: string;
    periodEnd: string;
    focusAreaIds: string[];
  }[];
  userIds: string[];
  /** Rows written per table. */
  rows: Record<string, number>;
}

export interface GeneratorContext {
  db: Executor;
  size: Size;
  scale: Scale;
  /** Each module forks its own sequence, so adding a module does not change the others' data. */
  rng: Rng;
  /** Every generated timestamp derives from this fixed instant. */
  now: string;
  out: Generated;
  /** Fast inserts of many rows (prepared statements on SQLite, unnest arrays on PostgreSQL). */
  bulk: BulkWriter;
  /** A line about how far a long module has come (the bench prints them). */
  progress: (message: string) => void;
}

/**
 * A generator module: writes its tables and records what it made in ctx.out. Modules run in
 * one transaction, except those with `ownTransactions`, which get the database itself after the
 * others committed and open their own transactions (one per batch, so memory and the SQLite
 * write-ahead log stay bounded at any size).
 */
export type GeneratorModule = {
  name: string;
  ownTransactions?: boolean;
  run(ctx: GeneratorContext): Promise<void>;
};
