// Application rows to the API's objects: instants as ISO strings, the actions the role may take from its status.
import type { ApplicationStatusChangeRow, ApplicationView } from '../../db/repos/applications.repo';
import type { MaterialRow } from '../../db/repos/materials.repo';
import type { Application, Material } from '../../shared/api/applications';
import { type ApplicationStatus, actionsFrom } from '../../shared/application-workflow';
import type { Role } from '../../shared/roles';

export function presentApplication(application: ApplicationView, role: Role): Application {
  return {
    id: application.id,
    callId: application.callId,
    callCode: application.callCode,
    callTitle: application.callTitle,
    callOpensAt: application.callOpensAt.toISOString(),
    callClosesAt: application.callClosesAt.toISOString(),
    programCode: application.programCode,
    programName: application.programName,
    enterpriseId: application.enterpriseId,
    enterpriseName: application.enterpriseName,
    clause: application.clause,
    status: application.status,
    declared: application.declared,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    updatedAt: application.updatedAt.toISOString(),
    version: application.version,
    lastReason: application.lastReason,
    actions: actionsFrom(application.status, role),
  };
}

export function presentHistory(changes: ApplicationStatusChangeRow[]) {
  return changes.map((c) => ({
    seq: c.seq,
    action: c.action,
    fromStatus: c.fromStatus as ApplicationStatus | null,
    toStatus: c.toStatus as ApplicationStatus,
    at: c.at.toISOString(),
    reason: c.reason,
  }));
}

export function presentMaterial(m: MaterialRow): Material {
  return {
    id: m.id,
    kind: m.kind,
    originalName: m.originalName,
    fileType: m.fileType,
    sizeBytes: m.sizeBytes,
    sha256: m.sha256,
    scanStatus: m.scanStatus,
    uploadedAt: m.uploadedAt.toISOString(),
  };
}

export function presentCommitment(application: ApplicationView) {
  const { commitmentText, commitmentSignerName, commitmentSignedAt } = application;
  if (commitmentText === null || commitmentSignerName === null || commitmentSignedAt === null) return null;
  return {
    text: commitmentText,
    signerName: commitmentSignerName,
    signedAt: commitmentSignedAt.toISOString(),
  };
}
