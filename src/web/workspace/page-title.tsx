// The one <h1> of a workspace page; it also names the browser tab.
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../lib/locale';
import { usePageTitle } from '../lib/page-title';

export function PageTitle({ children }: { children: string }): ReactNode {
  const tr = useT();
  usePageTitle(children, tr('common.brand'));
  return (
    <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
      {children}
    </Typography.Title>
  );
}
