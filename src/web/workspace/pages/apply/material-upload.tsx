// One upload control per kind of material: antd's Upload hands each chosen file to the page's own upload (the
// file's bytes as the request body), which reports progress while the bytes go; a refusal shows the server's
// message under the control. The label names the (hidden) file input, so tests find it by the kind's name.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Typography, Upload } from 'antd';
import { useId, useState } from 'react';
import type { MaterialKind } from '../../../../shared/materials';
import { ApiError } from '../../../api/client';
import { useLocale, useT } from '../../../lib/locale';
import { uploadMaterial, useMaterialsChanged } from './api';
import { materialKindLabel } from './material-text';

/** What the server takes; the server checks the bytes whatever the picker lets through. */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';

// The kind's name and its button on one line, progress and refusals on lines of their own below.
const ROW = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '4px 16px',
  marginBottom: 12,
} as const;
const LABEL = { fontWeight: 600, flex: '0 1 24em' } as const;
const FULL_LINE = { flexBasis: '100%', maxWidth: 480 } as const;

interface Sending {
  name: string;
  percent: number;
}

export function MaterialUpload({ applicationId, kind }: { applicationId: string; kind: MaterialKind }) {
  const tr = useT();
  const { locale } = useLocale();
  const id = useId();
  const changed = useMaterialsChanged();
  const [sending, setSending] = useState<Record<string, Sending>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const track = (uid: string, next: Sending | null) =>
    setSending(({ [uid]: _, ...others }) => (next ? { ...others, [uid]: next } : others));
  const inFlight = Object.entries(sending);
  return (
    <div style={ROW}>
      <label id={`${id}-label`} htmlFor={id} style={LABEL}>
        {materialKindLabel(locale, kind)}
      </label>
      <Upload
        id={id}
        accept={ACCEPT}
        multiple
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) => {
          if (!(file instanceof File)) return;
          const uid = 'uid' in file && typeof file.uid === 'string' ? file.uid : file.name;
          setRefusal(null);
          track(uid, { name: file.name, percent: 0 });
          uploadMaterial(applicationId, kind, file, (percent) => track(uid, { name: file.name, percent }))
            .then(async (material) => {
              await changed(applicationId);
              onSuccess?.(material);
            })
            .catch((error: unknown) => {
              const apiError = error instanceof ApiError ? error : null;
              setRefusal(apiError && apiError.status !== 0 ? apiError.message : tr('common.networkError'));
              onError?.(error instanceof Error ? error : new Error(String(error)));
            })
            .finally(() => track(uid, null));
        }}
      >
        <Button icon={<UploadOutlined />} loading={inFlight.length > 0} aria-describedby={`${id}-label`}>
          {tr('apply.materials.upload')}
        </Button>
      </Upload>
      {inFlight.map(([uid, { name, percent }]) => (
        <div key={uid} style={FULL_LINE}>
          <Typography.Text type="secondary">{name}</Typography.Text>
          <Progress percent={percent} size="small" aria-label={name} />
        </div>
      ))}
      {refusal && (
        <Typography.Text type="danger" role="alert" style={FULL_LINE}>
          {refusal}
        </Typography.Text>
      )}
    </div>
  );
}
