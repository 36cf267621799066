// The files an application holds: kind, name (a download link), size, type and when it was uploaded in
// Beijing time. The applicant's copy adds a remove action that asks before deleting; a quarantined file is
// listed without a link, since it cannot be downloaded.
import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { Material } from '../../../../shared/api/applications';
import { beijingMinute } from '../../../lib/beijing-time';
import { useLocale, useT } from '../../../lib/locale';
import { fileTypeLabel, formatFileSize, materialKindLabel } from './material-text';

export function MaterialsTable({
  materials,
  downloadUrl,
  onRemove,
}: {
  materials: Material[];
  downloadUrl: (material: Material) => string;
  /** Offered only while the application may be changed; the confirmation waits for it to settle. */
  onRemove?: (material: Material) => Promise<unknown>;
}) {
  const tr = useT();
  const { locale } = useLocale();
  return (
    <Table<Material>
      rowKey="id"
      size="small"
      dataSource={materials}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: tr('materials.none') }}
      columns={[
        {
          title: tr('materials.kind'),
          dataIndex: 'kind',
          render: (kind: Material['kind']) => materialKindLabel(locale, kind),
        },
        {
          title: tr('materials.name'),
          dataIndex: 'originalName',
          render: (name: string, material) =>
            material.scanStatus === 'quarantined' ? (
              <span>
                {name} <Tag color="error">{tr('materials.quarantined')}</Tag>
              </span>
            ) : (
              <Typography.Link href={downloadUrl(material)} download={name}>
                {name}
              </Typography.Link>
            ),
        },
        { title: tr('materials.size'), dataIndex: 'sizeBytes', render: formatFileSize },
        { title: tr('materials.type'), dataIndex: 'fileType', render: fileTypeLabel },
        { title: tr('materials.uploadedAt'), dataIndex: 'uploadedAt', render: beijingMinute },
        ...(onRemove
          ? [
              {
                title: tr('materials.actions'),
                key: 'actions',
                render: (_: unknown, material: Material) => (
                  <Popconfirm
                    title={tr('apply.materials.confirmRemove', { name: material.originalName })}
                    okText={tr('apply.ok')}
                    cancelText={tr('apply.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onRemove(material)}
                  >
                    <Button
                      danger
                      size="small"
                      aria-label={tr('apply.materials.removeNamed', { name: material.originalName })}
                    >
                      {tr('apply.materials.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
