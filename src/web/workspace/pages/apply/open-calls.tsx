// The calls an applicant may apply to now, each with the clauses of its program's rules and a way to start an
// application on a clause the enterprise has not started yet.
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import type { Application, OpenCall } from '../../../api/types';
import { beijingMinute } from '../../../lib/beijing-time';
import { useT } from '../../../lib/locale';
import { useOpenCalls, useStartApplication } from './api';

export function OpenCalls({ applications }: { applications: Application[] }) {
  const tr = useT();
  const calls = useOpenCalls();
  const start = useStartApplication();
  const { message } = App.useApp();
  const taken = new Set(
    applications.filter((a) => a.status !== 'withdrawn').map((a) => `${a.callId} ${a.clause}`),
  );
  return (
    <section aria-labelledby="open-calls">
      <Typography.Title level={2} id="open-calls" style={{ fontSize: 18 }}>
        {tr('apply.calls')}
      </Typography.Title>
      {calls.data?.length === 0 && <Typography.Paragraph>{tr('apply.none')}</Typography.Paragraph>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(calls.data ?? []).map((call: OpenCall) => (
          <Card key={call.id} title={call.title} size="small" loading={calls.isPending}>
            <Typography.Paragraph type="secondary">
              {tr('apply.window', {
                opensAt: beijingMinute(call.opensAt),
                closesAt: beijingMinute(call.closesAt),
              })}
            </Typography.Paragraph>
            {call.clauses.map((clause) => (
              <div key={clause.id} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{clause.citation}</Typography.Text>
                <Typography.Paragraph style={{ margin: '4px 0' }}>{clause.summary}</Typography.Paragraph>
                {taken.has(`${call.id} ${clause.id}`) ? (
                  <Tag>{tr('apply.started')}</Tag>
                ) : (
                  <Button
                    type="primary"
                    loading={start.isPending}
                    onClick={() =>
                      start.mutate(
                        { callId: call.id, clause: clause.id },
                        { onSuccess: () => void message.success(tr('apply.started')) },
                      )
                    }
                  >
                    {tr('apply.start')}
                  </Button>
                )}
              </div>
            ))}
          </Card>
        ))}
      </Space>
    </section>
  );
}
