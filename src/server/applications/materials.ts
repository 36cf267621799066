// An application's materials (申报材料) and its commitment (信用承诺书). The applicant uploads, removes and signs
// while the application is its to change (a draft, or returned for correction); the enterprise's applicants and
// the staff of the program's department download. The bytes stream into the file store before the transaction,
// which then checks the application's limits under its row lock, so two uploads at once cannot pass them
// together; a refused upload leaves a content-addressed file no row points to, never a row without its file.
import { createHash } from 'node:crypto';
import type { ApplicationRow } from '../../db/repos/applications.repo';
import { signCommitment } from '../../db/repos/applications.repo';
import {
  findLiveMaterial,
  insertMaterial,
  liveMaterialTotals,
  type MaterialRow,
  markMaterialRemoved,
} from '../../db/repos/materials.repo';
import { EDITABLE_APPLICATION_STATUSES } from '../../shared/application-workflow';
import { AppError } from '../../shared/errors';
import { type Locale, t } from '../../shared/i18n';
import type { MaterialKind } from '../../shared/materials';
import type { ServerDeps } from '../deps';
import { audit, transact, type UseCaseContext, userOf } from '../use-case';
import { lockReachable, readApplication } from './application-access';

type MaterialsContext = UseCaseContext & Pick<ServerDeps, 'files' | 'config'>;

const MIB = 1024 * 1024;
// Path separators and control characters: a name is shown and offered for download, never used as a path,
// but a name that looks like one is refused rather than silently changed.
const UNSAFE_NAME = /[/\\\p{Cc}]/u;

/** The file name as the applicant gave it, or FILE_NAME_INVALID. */
export function cleanFileName(name: string): string {
  const cleaned = name.normalize('NFC').trim();
  if (
    cleaned === '' ||
    cleaned === '.' ||
    cleaned === '..' ||
    cleaned.length > 255 ||
    UNSAFE_NAME.test(cleaned)
  ) {
    throw new AppError('FILE_NAME_INVALID', 'validation', {}, [{ path: 'name', code: 'FILE_NAME_INVALID' }]);
  }
  return cleaned;
}

function mustBeEditable(application: ApplicationRow) {
  if (!EDITABLE_APPLICATION_STATUSES.includes(application.status)) {
    throw new AppError('APPLICATION_NOT_EDITABLE', 'conflict');
  }
}

function mustBeApplicant(ctx: UseCaseContext) {
  if (userOf(ctx).role !== 'applicant') throw new AppError('APPLICATION_NOT_FOUND', 'not_found');
}

export async function uploadMaterial(
  ctx: MaterialsContext,
  input: { id: string; kind: MaterialKind; name: string; body: NodeJS.ReadableStream },
): Promise<MaterialRow> {
  mustBeApplicant(ctx);
  const name = cleanFileName(input.name);
  // Refuse before reading a byte when the application is not this applicant's to change.
  mustBeEditable(await readApplication(ctx, input.id));
  const { maxFileBytes, maxApplicationBytes, maxFilesPerApplication } = ctx.config.files;
  const stored = await ctx.files.put(input.body, { maxBytes: maxFileBytes });
  if (!stored.ok) {
    if (stored.reason === 'empty') throw new AppError('FILE_EMPTY', 'validation');
    if (stored.reason === 'too_large') {
      throw new AppError('FILE_TOO_LARGE', 'payload_too_large', { limitMb: maxFileBytes / MIB });
    }
    throw new AppError('FILE_TYPE_REFUSED', 'unsupported_media_type');
  }
  const { file } = stored;
  const now = ctx.clock();
  return transact(ctx, async (tx) => {
    const application = await lockReachable(tx, ctx.actor, input.id);
    mustBeEditable(application);
    const totals = await liveMaterialTotals(tx, application.id);
    if (totals.files + 1 > maxFilesPerApplication || totals.bytes + file.size > maxApplicationBytes) {
      throw new AppError('MATERIALS_LIMIT_REACHED', 'conflict', {
        limitMb: maxApplicationBytes / MIB,
        maxFiles: maxFilesPerApplication,
      });
    }
    const material = await insertMaterial(tx, {
      applicationId: application.id,
      kind: input.kind,
      sha256: file.sha256,
      sizeBytes: file.size,
      fileType: file.type,
      originalName: name,
      uploadedBy: userOf(ctx).id,
      uploadedAt: now,
    });
    await audit(tx, ctx, now, {
      action: 'application.material_added',
      entityId: application.id,
      after: {
        materialId: material.id,
        kind: material.kind,
        sha256: material.sha256,
        sizeBytes: material.sizeBytes,
        fileType: material.fileType,
        originalName: material.originalName,
      },
    });
    return material;
  });
}

export async function removeMaterial(
  ctx: UseCaseContext,
  input: { id: string; materialId: string },
): Promise<void> {
  mustBeApplicant(ctx);
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    const application = await lockReachable(tx, ctx.actor, input.id);
    const material = await findLiveMaterial(tx, application.id, input.materialId);
    if (!material) throw new AppError('MATERIAL_NOT_FOUND', 'not_found');
    mustBeEditable(application);
    await markMaterialRemoved(tx, material.id, { userId: userOf(ctx).id, at: now });
    await audit(tx, ctx, now, {
      action: 'application.material_removed',
      entityId: application.id,
      before: {
        materialId: material.id,
        kind: material.kind,
        sha256: material.sha256,
        originalName: material.originalName,
      },
    });
  });
}

/** A material's row and its bytes, for whoever may reach the application. */
export async function openMaterial(
  ctx: Pick<UseCaseContext, 'db' | 'actor'> & Pick<ServerDeps, 'files'>,
  input: { id: string; materialId: string },
): Promise<{ material: MaterialRow; body: NodeJS.ReadableStream }> {
  const application = await readApplication(ctx, input.id);
  const material = await findLiveMaterial(ctx.db.orm, application.id, input.materialId);
  if (!material) throw new AppError('MATERIAL_NOT_FOUND', 'not_found');
  if (material.scanStatus === 'quarantined') throw new AppError('MATERIAL_QUARANTINED', 'conflict');
  const body = await ctx.files.open(material.sha256);
  // The row says the file was stored; a missing file is the operator's to restore, not the user's fault.
  if (!body) throw new Error(`stored file ${material.sha256} of material ${material.id} is missing`);
  return { material, body };
}

/** The commitment text the signer reads, in the language the signer reads it. */
export function commitmentText(locale: Locale): string {
  return t(locale, 'common.commitmentText');
}

export async function signApplicationCommitment(
  ctx: UseCaseContext,
  input: { id: string; signerName: string; accepted: boolean },
): Promise<ApplicationRow> {
  mustBeApplicant(ctx);
  if (!input.accepted) {
    throw new AppError('COMMITMENT_NOT_ACCEPTED', 'validation', {}, [
      { path: 'accepted', code: 'COMMITMENT_NOT_ACCEPTED' },
    ]);
  }
  const signerName = input.signerName.normalize('NFC').trim();
  if (signerName === '') {
    throw new AppError('COMMITMENT_NAME_REQUIRED', 'validation', {}, [
      { path: 'signerName', code: 'COMMITMENT_NAME_REQUIRED' },
    ]);
  }
  const text = commitmentText(ctx.locale);
  const now = ctx.clock();
  return transact(ctx, async (tx) => {
    const application = await lockReachable(tx, ctx.actor, input.id);
    mustBeEditable(application);
    const signed = await signCommitment(tx, application.id, {
      text,
      signerName,
      signedBy: userOf(ctx).id,
      at: now,
    });
    await audit(tx, ctx, now, {
      action: 'application.commitment_signed',
      entityId: application.id,
      after: { signerName, textSha256: createHash('sha256').update(text).digest('hex') },
    });
    return signed;
  });
}
