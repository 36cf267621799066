// 消息: what happened to the enterprise's applications, newest first — each status change with the call, the
// status it reached and the reason staff gave (a return for correction, a rejection, an adjusted amount). Unread
// messages stand out until the applicant marks them read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, List, Space, Tag, Typography } from 'antd';
import type { Inbox } from '../../../../shared/api/inbox';
import { api } from '../../../api/client';
import { beijingMinute } from '../../../lib/beijing-time';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { PageTitle } from '../../page-title';

const INBOX_KEY = ['my', 'inbox'] as const;

export default function InboxPage() {
  const { locale, tr } = useLocale();
  const client = useQueryClient();
  const inbox = useQuery({ queryKey: INBOX_KEY, queryFn: () => api<Inbox>('/api/my/inbox') });
  const markAll = useMutation({
    mutationFn: () => api<{ unread: number }>('/api/my/inbox/read', { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX_KEY }),
  });
  const data = inbox.data;
  return (
    <>
      <PageTitle>{tr('inbox.title')}</PageTitle>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text role="status">
          {data ? tr('inbox.unread', { count: data.unread }) : tr('common.loading')}
        </Typography.Text>
        {data && data.unread > 0 && (
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {tr('inbox.markAllRead')}
          </Button>
        )}
      </Space>
      <List
        loading={inbox.isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: tr('inbox.empty') }}
        renderItem={(message) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {!message.read && <Tag color="blue">{tr('inbox.new')}</Tag>}
                  <span style={{ fontWeight: message.read ? 'normal' : 600 }}>
                    {tr(`inbox.actions.${message.action}`, {
                      status: codeLabel(locale, 'applicationStatus', message.toStatus),
                    })}
                  </span>
                </Space>
              }
              description={
                <>
                  <div>
                    {message.callTitle} · {beijingMinute(message.at)}
                  </div>
                  {message.reason && <div>{tr('inbox.reason', { reason: message.reason })}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
