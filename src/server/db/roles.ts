/**
 * Database roles in production on PostgreSQL: the app logs in as a role that owns nothing (DATABASE_URL), so it can
 * neither disable a trigger (ALTER TABLE needs ownership) nor set session_replication_role (superuser only), and on
 * append-only tables it holds only SELECT and INSERT. Migrations run as the schema's owner (MIGRATION_DATABASE_URL),
 * which then grants the app role what it needs: every start, after migrating, so tables a later migration creates are
 * covered too.
 */
import type pg from 'pg';

/** Tables the database keeps append-only (a trigger refuses UPDATE and DELETE): the app may read and insert only.
 * A migration adding such a table adds it here; test/db-roles.test.ts fails otherwise. */
export const APPEND_ONLY_TABLES = [
  'audit_log',
  'application_events',
  'evidence_submissions',
  'evidence_leaves',
  'evidence_hashes',
  'evidence_checkpoints',
  'guide_versions',
  // rights (issue 12)
  'rights_clue_events',
  'rights_clue_messages',
  'rights_clue_notes',
  'rights_clue_evidence',
] as const;

/** Tables only the database's own functions write (SECURITY DEFINER, as the owner): the app may read them. */
export const READ_ONLY_TABLES = ['audit_chain_head', 'audit_path_counts'] as const;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function grantStatements(appRole: string): string[] {
  const role = quoteIdent(appRole);
  const list = (tables: readonly string[]) => tables.map(quoteIdent).join(', ');
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${list(APPEND_ONLY_TABLES)} FROM ${role}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${list(READ_ONLY_TABLES)} FROM ${role}`,
  ];
}

/**
 * Checks that the app's login is fit to be the app role (not a superuser, not the migrator, owning no table) and
 * grants it its privileges, through the migrator's connection. Throws with a message naming the problem.
 */
export async function grantAppRole(migrator: pg.Pool, appRole: string): Promise<void> {
  const client = await migrator.connect();
  try {
    const { rows } = await client.query<{ migrator: string; superuser: boolean | null; owned: string }>(
      `SELECT current_user AS migrator,
              (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS superuser,
              (SELECT count(*)::text FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                 WHERE r.rolname = $1 AND c.relnamespace = 'public'::regnamespace) AS owned`,
      [appRole],
    );
    const facts = rows[0]!;
    if (facts.migrator === appRole) {
      throw new Error(`DATABASE_URL 与 MIGRATION_DATABASE_URL 使用同一数据库角色 ${appRole}；应用角色不得拥有数据表`);
    }
    if (facts.superuser) throw new Error(`DATABASE_URL 的角色 ${appRole} 是超级用户；应用角色应只有所需的表权限`);
    if (facts.owned !== '0') {
      throw new Error(`DATABASE_URL 的角色 ${appRole} 拥有 ${facts.owned} 个数据库对象；应由迁移角色拥有`);
    }
    await client.query('BEGIN');
    for (const statement of grantStatements(appRole)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
