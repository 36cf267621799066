// What intake review checks in an application before deciding: the materials checklist against the call's
// requirements, the files with download links, and who signed the commitment and when.
import { Skeleton, Space, Typography } from 'antd';
import type { Application } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { MaterialChecklist } from '../apply/material-checklist';
import { MaterialsTable } from '../apply/materials-table';
import { SignedCommitment } from '../apply/signed-commitment';
import { materialUrl, useDepartmentApplication } from './api';

export function ApplicationDetail({ application }: { application: Application }) {
  const tr = useT();
  const detail = useDepartmentApplication(application.id);
  return (
    <section aria-label={tr('review.detail', { enterprise: application.enterpriseName })}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {tr('materials.title')}
        </Typography.Title>
        {detail.data ? (
          <>
            <MaterialChecklist checklist={detail.data.checklist} level={3} />
            <MaterialsTable
              materials={detail.data.materials}
              downloadUrl={(material) => materialUrl(application.id, material.id)}
            />
            {detail.data.commitment ? (
              <SignedCommitment commitment={detail.data.commitment} level={3} />
            ) : (
              <Typography.Paragraph type="secondary">{tr('review.unsigned')}</Typography.Paragraph>
            )}
          </>
        ) : (
          <Skeleton active />
        )}
      </Space>
    </section>
  );
}
