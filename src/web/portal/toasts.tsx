// The portal's light error display: the API funnel pushes messages here and a live region announces them.
import { useEffect, useSyncExternalStore } from 'react';

interface Toast {
  id: number;
  text: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function pushToast(text: string): void {
  toasts = [...toasts.slice(-2), { id: nextId++, text }];
  emit();
}

function dismiss(id: number): void {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), 6000);
    return () => clearTimeout(timer);
  }, [toast.id]);
  return <p className="toast">{toast.text}</p>;
}

export function Toasts() {
  const current = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className="toasts" role="alert" aria-live="assertive">
      {current.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
