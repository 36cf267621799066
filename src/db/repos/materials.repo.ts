// The materials uploaded for applications. A removal is a mark, never a delete: what an applicant once handed in
// stays on record with who removed it and when.
import { and, asc, count, eq, isNull, sum } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { applicationMaterials } from '../schema';

type Db = Orm | Tx;
export type MaterialRow = typeof applicationMaterials.$inferSelect;
export type NewMaterial = Pick<
  MaterialRow,
  | 'applicationId'
  | 'kind'
  | 'sha256'
  | 'sizeBytes'
  | 'fileType'
  | 'originalName'
  | 'uploadedBy'
  | 'uploadedAt'
>;

const live = (applicationId: string) =>
  and(eq(applicationMaterials.applicationId, applicationId), isNull(applicationMaterials.removedAt));

/** The application's materials not removed, in the order they were uploaded. */
export async function liveMaterials(db: Db, applicationId: string): Promise<MaterialRow[]> {
  return db
    .select()
    .from(applicationMaterials)
    .where(live(applicationId))
    .orderBy(asc(applicationMaterials.uploadedAt), asc(applicationMaterials.id));
}

/** How many live materials the application has and their bytes together, for the per-application limit. */
export async function liveMaterialTotals(
  tx: Tx,
  applicationId: string,
): Promise<{ files: number; bytes: number }> {
  const [row] = await tx
    .select({ files: count(), bytes: sum(applicationMaterials.sizeBytes).mapWith(Number) })
    .from(applicationMaterials)
    .where(live(applicationId));
  return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 };
}

export async function insertMaterial(tx: Tx, material: NewMaterial): Promise<MaterialRow> {
  const [row] = await tx.insert(applicationMaterials).values(material).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A live material of the application, or undefined (another application's id finds nothing). */
export async function findLiveMaterial(
  db: Db,
  applicationId: string,
  materialId: string,
): Promise<MaterialRow | undefined> {
  const [row] = await db
    .select()
    .from(applicationMaterials)
    .where(and(live(applicationId), eq(applicationMaterials.id, materialId)));
  return row;
}

export async function markMaterialRemoved(
  tx: Tx,
  materialId: string,
  by: { userId: string; at: Date },
): Promise<void> {
  await tx
    .update(applicationMaterials)
    .set({ removedBy: by.userId, removedAt: by.at })
    .where(eq(applicationMaterials.id, materialId));
}
