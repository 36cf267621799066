// The checklist of an application's materials as the applicant and the intake officer both read it: the kinds
// every application needs, then the clause's alternatives (any one whole group is enough), then the
// commitment, each marked there or missing, and whether the whole is complete.
import { Tag, Typography } from 'antd';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import type { ChecklistItem } from '../../../../shared/materials';
import { useLocale, useT } from '../../../lib/locale';
import { materialKindLabel } from './material-text';

type Checklist = ApplicationDetail['checklist'];

function Presence({ present, signed }: { present: boolean; signed?: boolean }) {
  const tr = useT();
  const word = signed ? (present ? 'signed' : 'unsigned') : present ? 'present' : 'missing';
  return <Tag color={present ? 'success' : 'error'}>{tr(`materials.checklist.${word}`)}</Tag>;
}

function Item({ item }: { item: ChecklistItem }) {
  const { locale } = useLocale();
  return (
    <span>
      {materialKindLabel(locale, item.kind)} <Presence present={item.present} />
    </span>
  );
}

/** 材料齐全 / 材料不齐全, for the application's row and the checklist's head. */
export function CompletenessTag({ complete }: { complete: boolean }) {
  const tr = useT();
  return (
    <Tag color={complete ? 'success' : 'warning'}>
      {tr(complete ? 'materials.checklist.complete' : 'materials.checklist.incomplete')}
    </Tag>
  );
}

/** Sub-sections of a materials panel: level 4 under the applicant's 我的申报, 3 on the review page. */
export type SectionLevel = 3 | 4;

export function MaterialChecklist({ checklist, level }: { checklist: Checklist; level: SectionLevel }) {
  const tr = useT();
  const { locale } = useLocale();
  return (
    <div>
      <Typography.Title level={level} style={{ fontSize: 15 }}>
        {tr('materials.checklist.title')} <CompletenessTag complete={checklist.complete} />
      </Typography.Title>
      <ul style={{ paddingInlineStart: 20 }}>
        {checklist.always.map((item) => (
          <li key={item.kind}>
            <Item item={item} />
          </li>
        ))}
        {checklist.anyOf.length > 0 && (
          <li>
            {tr('materials.checklist.anyOf')}
            <ol>
              {checklist.anyOf.map((group) => (
                <li key={group.map((item) => item.kind).join('+')}>
                  {group.map((item, index) => (
                    <span key={item.kind}>
                      {index > 0 && ' + '}
                      <Item item={item} />
                    </span>
                  ))}
                </li>
              ))}
            </ol>
          </li>
        )}
        {checklist.commitment.required && (
          <li>
            {materialKindLabel(locale, 'commitment')}{' '}
            <Presence present={checklist.commitment.signed} signed />
          </li>
        )}
      </ul>
    </div>
  );
}
