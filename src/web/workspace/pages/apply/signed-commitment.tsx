// A signed credit commitment (信用承诺书) as everyone who sees the application reads it: who signed it and when,
// with the wording as it was signed.
import { Typography } from 'antd';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import { beijingMinute } from '../../../lib/beijing-time';
import { useLocale, useT } from '../../../lib/locale';
import type { SectionLevel } from './material-checklist';
import { materialKindLabel } from './material-text';

type Commitment = NonNullable<ApplicationDetail['commitment']>;

export const WORDING_STYLE = {
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  padding: 12,
} as const;

export function CommitmentHeading({ level }: { level: SectionLevel }) {
  const { locale } = useLocale();
  return (
    <Typography.Title level={level} style={{ fontSize: 15 }}>
      {materialKindLabel(locale, 'commitment')}
    </Typography.Title>
  );
}

export function SignedCommitment({ commitment, level }: { commitment: Commitment; level: SectionLevel }) {
  const tr = useT();
  return (
    <div>
      <CommitmentHeading level={level} />
      <Typography.Paragraph strong>
        {tr('materials.commitment.signedBy', {
          signer: commitment.signerName,
          at: beijingMinute(commitment.signedAt),
        })}
      </Typography.Paragraph>
      <Typography.Paragraph style={WORDING_STYLE}>{commitment.text}</Typography.Paragraph>
    </div>
  );
}
