import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text';
  const bigint = isPostgres ? 'bigint' : 'integer';

  await db.schema
    .createTable('users')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('email', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', text, (c) => c.notNull().defaultTo('da'))
    .addColumn('disabled_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('municipalities')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull().unique())
    .addColumn('code', 'integer', (c) => c.unique())
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('housing_organisations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull().unique())
    .addColumn('municipality_id', text, (c) => c.references('municipalities.id'))
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('housing_areas')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('municipality_id', text, (c) => c.notNull().references('municipalities.id'))
    .addColumn('description', text)
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('housing_departments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('area_id', text, (c) => c.notNull().references('housing_areas.id').onDelete('cascade'))
    .addColumn('housing_organisation_id', text, (c) => c.notNull().references('housing_organisations.id'))
    .addColumn('department_number', text, (c) => c.notNull())
    .addColumn('name', text)
    .addColumn('dwellings', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('housing_departments_org_number_unique', [
      'housing_organisation_id',
      'department_number',
    ])
    .execute();
  await db.schema
    .createIndex('housing_departments_area_idx')
    .on('housing_departments')
    .column('area_id')
    .execute();

  await db.schema
    .createTable('funding_pools')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull().unique())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('focus_area_catalogues')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('pool_id', text, (c) => c.notNull().references('funding_pools.id').onDelete('cascade'))
    .addColumn('catalogue_version', 'integer', (c) => c.notNull())
    .addColumn('valid_from', text, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('focus_area_catalogues_pool_version_unique', ['pool_id', 'catalogue_version'])
    .execute();

  await db.schema
    .createTable('focus_areas')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('catalogue_id', text, (c) =>
      c.notNull().references('focus_area_catalogues.id').onDelete('cascade'),
    )
    .addColumn('pool_id', text, (c) => c.notNull().references('funding_pools.id').onDelete('cascade'))
    .addColumn('name_da', text, (c) => c.notNull())
    .addColumn('name_en', text, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('focus_areas_pool_idx').on('focus_areas').column('pool_id').execute();

  await db.schema
    .createTable('area_secretariats')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('municipality_id', text, (c) => c.notNull().references('municipalities.id'))
    .addColumn('description', text)
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('pool_id', text, (c) => c.notNull().references('funding_pools.id'))
    .addColumn('municipality_id', text, (c) => c.notNull().references('municipalities.id'))
    .addColumn('housing_organisation_id', text, (c) => c.notNull().references('housing_organisations.id'))
    .addColumn('area_secretariat_id', text, (c) => c.references('area_secretariats.id'))
    .addColumn('secretariat_support', text)
    .addColumn('purpose', text)
    .addColumn('problems', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('period_start', text)
    .addColumn('period_end', text)
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  for (const col of ['pool_id', 'municipality_id', 'housing_organisation_id', 'area_secretariat_id']) {
    await db.schema.createIndex(`plans_${col}_idx`).on('plans').column(col).execute();
  }

  await db.schema
    .createTable('plan_areas')
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('area_id', text, (c) => c.notNull().references('housing_areas.id'))
    .addPrimaryKeyConstraint('plan_areas_pk', ['plan_id', 'area_id'])
    .execute();
  await db.schema.createIndex('plan_areas_area_idx').on('plan_areas').column('area_id').execute();

  await db.schema
    .createTable('plan_focus_areas')
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('focus_area_id', text, (c) => c.notNull().references('focus_areas.id'))
    .addPrimaryKeyConstraint('plan_focus_areas_pk', ['plan_id', 'focus_area_id'])
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('pool_id', text, (c) => c.notNull().references('funding_pools.id'))
    .addColumn('amount_ore', bigint, (c) => c.notNull())
    .addColumn('start_date', text, (c) => c.notNull())
    .addColumn('end_date', text, (c) => c.notNull())
    .addColumn('reference', text)
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grants_plan_idx').on('grants').column('plan_id').execute();
  await db.schema.createIndex('grants_pool_idx').on('grants').column('pool_id').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('organisation_kind', text)
    .addColumn('organisation_id', text)
    .addColumn('plan_id', text, (c) => c.references('plans.id').onDelete('cascade'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('role_grants_user_idx').on('role_grants').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('email', text, (c) => c.notNull())
    .addColumn('ip', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_email_at_idx')
    .on('login_attempts')
    .columns(['email', 'at'])
    .execute();
  await db.schema
    .createIndex('login_attempts_ip_at_idx')
    .on('login_attempts')
    .columns(['ip', 'at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('user_id', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text)
    .addColumn('plan_id', text)
    .addColumn('before_json', text)
    .addColumn('after_json', text)
    .addColumn('request_id', text)
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('audit_log_plan_idx').on('audit_log').column('plan_id').execute();

  // The audit log is append-only: the database itself refuses updates and deletes.
  if (isPostgres) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }

  await db.schema
    .createTable('meta')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0001 cannot be reverted');
}
