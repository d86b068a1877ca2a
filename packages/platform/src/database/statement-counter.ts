import type { Logger, LogContext, LoggerNamespace } from '@mikro-orm/core';

/**
 * A MikroORM logger that counts the SQL statements it is shown, so a test can prove
 * that N entities cost one statement per entity type and not N.
 */
export class StatementCounter implements Logger {
  readonly statements: string[] = [];

  log(): void {}
  error(): void {}
  warn(): void {}
  setDebugMode(): void {}
  isEnabled(namespace: LoggerNamespace): boolean {
    return namespace === 'query';
  }
  logQuery(context: LogContext): void {
    if (context.query) this.statements.push(context.query);
  }
  reset(): void {
    this.statements.length = 0;
  }
  /** Statements that read or write domain tables, leaving out the migrator's bookkeeping. */
  domainStatements(): string[] {
    return this.statements.filter((sql) => !/mikro_orm_migrations|information_schema|pg_catalog/i.test(sql));
  }
}
