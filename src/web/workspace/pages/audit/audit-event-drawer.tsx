// One audit event in full: who, when, which request, and the record before and after the change.
import { Descriptions, Drawer, Typography } from 'antd';
import { t } from '../../../../shared/i18n';
import type { AuditEvent } from '../../../api/types';
import { useLocale, useT } from '../../../lib/locale';

const json = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);

export function AuditEventDrawer({ event, onClose }: { event: AuditEvent | undefined; onClose: () => void }) {
  const tr = useT();
  const { locale } = useLocale();
  return (
    <Drawer
      open={event !== undefined}
      onClose={onClose}
      title={event && t(locale, `common.auditActions.${event.action}`)}
      size="large"
    >
      {event && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={tr('audit.occurredAt')}>{event.occurredAt}</Descriptions.Item>
          <Descriptions.Item label={tr('audit.actor')}>
            {event.actorName ?? '—'} {event.actorRole ? `(${event.actorRole})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={tr('audit.entity')}>
            {t(locale, `common.auditEntities.${event.entityType}`)} {event.entityId}
          </Descriptions.Item>
          <Descriptions.Item label={tr('audit.streamColumn')}>
            {event.stream} #{event.seq}
          </Descriptions.Item>
          <Descriptions.Item label={tr('audit.requestId')}>{event.requestId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tr('audit.before')}>
            <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {json(event.before)}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={tr('audit.after')}>
            <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {json(event.after)}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
