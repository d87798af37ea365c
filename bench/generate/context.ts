import type { Executor } from '../../server/src/db/database.js';
import type { Rng } from './prng.js';

export type Size = 'small' | 'national' | '4x';
export const SIZES: readonly Size[] = ['small', 'national', '4x'];

/** How much of each thing a size holds. Later capabilities add their own counts here. */
export interface Scale {
  municipalities: number;
  plans: number;
  housingOrganisations: number;
  areaSecretariats: number;
}

export const SCALES: Record<Size, Scale> = {
  small: { municipalities: 10, plans: 20, housingOrganisations: 8, areaSecretariats: 2 },
  national: { municipalities: 98, plans: 250, housingOrganisations: 60, areaSecretariats: 12 },
  '4x': { municipalities: 98, plans: 1000, housingOrganisations: 240, areaSecretariats: 48 },
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
  plans: { id: string; poolId: string; municipalityId: string; housingOrganisationId: string }[];
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
}

/** A generator module: writes its tables and records what it made in ctx.out. */
export type GeneratorModule = { name: string; run(ctx: GeneratorContext): Promise<void> };
