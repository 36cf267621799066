// An application's materials (申报材料) and commitment on the applicant's 申报 page. While the application is
// the applicant's to change (a draft, or returned for correction): the checklist, an upload per required kind
// and one for other material, the files with a remove that asks first, and the commitment to sign. Otherwise
// the same read-only, with download links and the signed commitment.
import { Alert, Skeleton, Space, Typography } from 'antd';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import { EDITABLE_APPLICATION_STATUSES } from '../../../../shared/application-workflow';
import type { MaterialKind } from '../../../../shared/materials';
import type { Application } from '../../../api/types';
import { beijingMinute } from '../../../lib/beijing-time';
import { codeLabel } from '../../../lib/labels';
import { useLocale, useT } from '../../../lib/locale';
import { myMaterialUrl, useApplicationDetail, useRemoveMaterial } from './api';
import { CommitmentForm } from './commitment-form';
import { CompletenessTag, MaterialChecklist } from './material-checklist';
import { materialKindLabel } from './material-text';
import { MaterialUpload } from './material-upload';
import { MaterialsTable } from './materials-table';
import { SignedCommitment } from './signed-commitment';

export function isEditable(application: Pick<Application, 'status'>): boolean {
  return EDITABLE_APPLICATION_STATUSES.includes(application.status);
}

/** The kinds the checklist names, each once, then other material, which any application may add. */
function uploadKinds(checklist: ApplicationDetail['checklist']): MaterialKind[] {
  const named = [...checklist.always, ...checklist.anyOf.flat()].map((item) => item.kind);
  return [...new Set<MaterialKind>([...named, 'other'])];
}

/** 材料不齐全 on an editable application's row, so the applicant knows before trying to submit. */
export function MaterialsStatus({ application }: { application: Application }) {
  const editable = isEditable(application);
  const detail = useApplicationDetail(application.id, editable);
  if (!editable || !detail.data) return null;
  return <CompletenessTag complete={detail.data.checklist.complete} />;
}

function Editable({ detail }: { detail: ApplicationDetail }) {
  const tr = useT();
  const remove = useRemoveMaterial();
  return (
    <>
      {!detail.checklist.complete && (
        <Alert type="warning" showIcon title={tr('apply.materials.incomplete')} />
      )}
      <MaterialChecklist checklist={detail.checklist} level={4} />
      <div>
        <Typography.Title level={4} style={{ fontSize: 15 }}>
          {tr('apply.materials.uploadTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{tr('apply.materials.uploadHelp')}</Typography.Paragraph>
        {uploadKinds(detail.checklist).map((kind) => (
          <MaterialUpload key={kind} applicationId={detail.id} kind={kind} />
        ))}
      </div>
      <MaterialsTable
        materials={detail.materials}
        downloadUrl={(material) => myMaterialUrl(detail.id, material.id)}
        onRemove={(material) =>
          remove.mutateAsync({ applicationId: detail.id, materialId: material.id }).catch(() => undefined)
        }
      />
      {detail.commitment ? (
        <SignedCommitment commitment={detail.commitment} level={4} />
      ) : (
        detail.checklist.commitment.required && <CommitmentForm applicationId={detail.id} />
      )}
    </>
  );
}

function ReadOnly({ detail }: { detail: ApplicationDetail }) {
  return (
    <>
      <MaterialChecklist checklist={detail.checklist} level={4} />
      <MaterialsTable
        materials={detail.materials}
        downloadUrl={(material) => myMaterialUrl(detail.id, material.id)}
      />
      {detail.commitment && <SignedCommitment commitment={detail.commitment} level={4} />}
    </>
  );
}

/** What intake asked to correct, item by item, and by when — or that it was answered or lapsed. */
function CorrectionRequest({ correction }: { correction: NonNullable<ApplicationDetail['correction']> }) {
  const tr = useT();
  const { locale } = useLocale();
  const state = correction.answeredAt
    ? tr('apply.correction.answered', { at: beijingMinute(correction.answeredAt) })
    : correction.lapsedAt
      ? tr('apply.correction.lapsed')
      : tr('apply.correction.due', { dueOn: correction.dueOn });
  return (
    <Alert
      type={correction.answeredAt ? 'info' : 'warning'}
      showIcon
      title={tr('apply.correction.title')}
      description={
        <>
          {correction.items.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {correction.items.map((item) => (
                <li key={`${item.subject}-${item.reason}`}>
                  {tr('apply.correction.item', {
                    subject: materialKindLabel(locale, item.subject),
                    reason: item.reason,
                  })}
                </li>
              ))}
            </ul>
          )}
          <div>{state}</div>
        </>
      }
    />
  );
}

export function ApplicationMaterials({ application }: { application: Application }) {
  const tr = useT();
  const { locale } = useLocale();
  const detail = useApplicationDetail(application.id);
  const status = codeLabel(locale, 'applicationStatus', application.status);
  return (
    <section aria-label={tr('apply.materials.region', { call: application.callTitle, status })}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {tr('materials.title')}
        </Typography.Title>
        {detail.data?.correction && <CorrectionRequest correction={detail.data.correction} />}
        {detail.data ? (
          isEditable(detail.data) ? (
            <Editable detail={detail.data} />
          ) : (
            <ReadOnly detail={detail.data} />
          )
        ) : (
          <Skeleton active />
        )}
      </Space>
    </section>
  );
}
