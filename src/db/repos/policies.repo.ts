// Policies (政策文件) and their versioned clauses (条款).
import { asc, eq } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { policies, policyClauses } from '../schema';

type Db = Orm | Tx;
export type PolicyRow = typeof policies.$inferSelect;
export type PolicyClauseRow = typeof policyClauses.$inferSelect;
export type NewPolicy = Omit<typeof policies.$inferInsert, 'id'> & {
  clauses: { citation: string; summary: string; version: number }[];
};

export async function insertPolicy(
  tx: Tx,
  input: NewPolicy,
): Promise<PolicyRow & { clauses: PolicyClauseRow[] }> {
  const { clauses, ...columns } = input;
  const [policy] = await tx.insert(policies).values(columns).returning();
  if (!policy) throw new Error('insert into policies returned no row');
  const inserted =
    clauses.length === 0
      ? []
      : await tx
          .insert(policyClauses)
          .values(clauses.map((c) => ({ ...c, policyId: policy.id })))
          .returning();
  return { ...policy, clauses: inserted };
}

export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  return db.select().from(policies).orderBy(asc(policies.effectiveFrom), asc(policies.docNumber));
}

export async function clausesOfPolicy(db: Db, policyId: string): Promise<PolicyClauseRow[]> {
  return db
    .select()
    .from(policyClauses)
    .where(eq(policyClauses.policyId, policyId))
    .orderBy(asc(policyClauses.citation), asc(policyClauses.version));
}
