// An enterprise's profile as a description list, shared by the applicant's own page and the staff detail.
import { Descriptions, Tag } from 'antd';
import type { Enterprise } from '../../../api/types';
import { codeLabel } from '../../../lib/labels';
import { useLocale } from '../../../lib/locale';
import { formatDate } from '../../../lib/money';

export function EnterpriseFacts({ enterprise }: { enterprise: Enterprise }) {
  const { locale, tr } = useLocale();
  return (
    <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={tr('enterprise.name')}>{enterprise.name}</Descriptions.Item>
      <Descriptions.Item label={tr('enterprise.uscc')}>{enterprise.uscc}</Descriptions.Item>
      <Descriptions.Item label={tr('enterprise.district')}>{enterprise.district}</Descriptions.Item>
      <Descriptions.Item label={tr('enterprise.industryCluster')}>
        {enterprise.industryCluster ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={tr('enterprise.sizeClass')}>
        {enterprise.sizeClass ? codeLabel(locale, 'sizeClass', enterprise.sizeClass) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={tr('enterprise.statsRegistered')}>
        <Tag color={enterprise.statsRegistered ? 'success' : 'default'}>
          {tr(enterprise.statsRegistered ? 'common.yes' : 'common.no')}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={tr('enterprise.createdAt')}>
        {formatDate(enterprise.createdAt)}
      </Descriptions.Item>
    </Descriptions>
  );
}
