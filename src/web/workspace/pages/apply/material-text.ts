// How materials read on screen: the kind's name and the commitment's wording from the shared `common`
// catalog (the server words its refusals from the same one), file sizes in KB or MB, file types by name.
import { type Locale, t } from '../../../../shared/i18n';
import type { FileType, MaterialKind } from '../../../../shared/materials';

/** A text of the shared `common` namespace (not the web app's own `web.common`). */
function commonText(locale: Locale, key: string): string {
  return t(locale, `common.${key}`);
}

/** 营业执照, 收汇凭证, …; `commitment` names the signed 信用承诺书, `declared_figures` the figures declared. */
export function materialKindLabel(
  locale: Locale,
  kind: MaterialKind | 'commitment' | 'declared_figures',
): string {
  return commonText(locale, `materialKinds.${kind}`);
}

/** The commitment an applicant reads before signing, in the language it is read in. */
export function commitmentWording(locale: Locale): string {
  return commonText(locale, 'commitmentText');
}

/** `820 B`, `12.5 KB`, `3.2 MB`: binary units, one decimal from a kilobyte on. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function fileTypeLabel(type: FileType): string {
  return type.toUpperCase();
}
