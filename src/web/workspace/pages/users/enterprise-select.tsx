// The enterprise of a new enterprise user, chosen from a search by name or 统一社会信用代码 (the staff list
// API, which only roles allowed to list enterprises may call) rather than typed as an id.
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useLocale } from '../../../lib/locale';
import { useEnterprises } from '../enterprises/api';

const DEBOUNCE_MS = 250;

export function EnterpriseSelect(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { tr } = useLocale();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useEnterprises({ q, page: 1, pageSize: 20 });
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={tr('users.enterpriseSearch')}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? null : tr('users.enterpriseNone')}
      options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
    />
  );
}
