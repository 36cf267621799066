import { useEffect } from 'react';

/** Names the browser tab after the page being shown, then the product. */
export function usePageTitle(title: string, appName: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
