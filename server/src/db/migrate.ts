import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-organisation.js';
import * as m0003 from './migrations/0003-results.js';
import * as m0004 from './migrations/0004-collaboration.js';
import * as m0005 from './migrations/0005-municipal-services.js';
import * as m0006 from './migrations/0006-secretariat-organisation.js';
import * as m0007 from './migrations/0007-activity-responsibilities.js';
import * as m0008 from './migrations/0008-registrations.js';
import * as m0009 from './migrations/0009-municipal-service-versions.js';
import * as m0010 from './migrations/0010-status-reports.js';
import * as m0011 from './migrations/0011-portfolio.js';
import * as m0012 from './migrations/0012-registration-indexes.js';
import * as m0013 from './migrations/0013-evaluation.js';
import * as m0014 from './migrations/0014-implementation-markers.js';
import * as m0015 from './migrations/0015-theory-of-change.js';
import * as m0016 from './migrations/0016-evaluation-speakers.js';
import * as m0017 from './migrations/0017-plan-revisions.js';

/** Every migration, in order. Never edit one that has landed; add the next. */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-organisation': m0002,
  '0003-results': m0003,
  '0004-collaboration': m0004,
  '0005-municipal-services': m0005,
  '0006-secretariat-organisation': m0006,
  '0007-activity-responsibilities': m0007,
  '0008-registrations': m0008,
  '0009-municipal-service-versions': m0009,
  '0010-status-reports': m0010,
  '0011-portfolio': m0011,
  '0012-registration-indexes': m0012,
  '0013-evaluation': m0013,
  '0014-implementation-markers': m0014,
  '0015-theory-of-change': m0015,
  '0016-evaluation-speakers': m0016,
  '0017-plan-revisions': m0017,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  // 0013 and 0014 landed in the opposite order of their numbers; a database that ran 0014 first
  // still gets 0013 (they touch different tables) instead of being refused as corrupted.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
