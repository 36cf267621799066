// Whether an enterprise id names a row, for use cases that attach users to enterprises.
import type { Tx } from '../../db/client';
import { findEnterpriseById } from '../../db/repos/enterprises.repo';

export async function enterpriseExists(tx: Tx, id: string): Promise<boolean> {
  return (await findEnterpriseById(tx, id)) !== undefined;
}
