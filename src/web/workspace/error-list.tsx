// Every error of a validation with where it is (a JSON path or a CSV line), in the server's words.
import { Table } from 'antd';
import type { FieldError } from '../api/types';
import { useT } from '../lib/locale';

export function ErrorList({ errors }: { errors: FieldError[] }) {
  const tr = useT();
  return (
    <Table<FieldError & { key: number }>
      size="small"
      pagination={false}
      dataSource={errors.map((error, key) => ({ ...error, key }))}
      columns={[
        {
          title: tr('errors.path'),
          dataIndex: 'path',
          render: (path?: string) => <code>{path || '—'}</code>,
        },
        { title: tr('errors.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
        { title: tr('errors.message'), dataIndex: 'message' },
      ]}
    />
  );
}
