// Instants as the bureau publishes them: Beijing time to the minute, whatever the browser's time zone.
export function beijingMinute(at: string | null | undefined): string {
  if (!at) return '—';
  return new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);
}
