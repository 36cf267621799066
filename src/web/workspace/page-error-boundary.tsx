// Catches a page that fails to render — above all a lazy page whose chunk did not arrive (a flaky network,
// or a new release that replaced the hashed files) — and offers a reload instead of a blank workspace.
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useT } from '../lib/locale';
import { PageTitle } from './page-title';

function PageLoadFailed() {
  const tr = useT();
  return (
    <Result
      status="warning"
      title={<PageTitle>{tr('results.pageLoadFailed')}</PageTitle>}
      subTitle={tr('results.pageLoadFailedHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {tr('results.reload')}
        </Button>
      }
    />
  );
}

/** Give it a `key` that changes with the route, so moving to another page tries again. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}
