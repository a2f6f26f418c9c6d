import type { TermView } from '@shouwang/shared/schemas/terms';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Whether a term is the county's or a school's own adjustment. */
export function TermSourceTag({ term }: { term: TermView }) {
  const { t } = useTranslation();
  const own = term.orgKind === 'school';
  return (
    <Tooltip title={term.orgName}>
      <Tag color={own ? 'orange' : 'blue'} variant="outlined">
        {own ? t('terms.source.school') : t('terms.source.county')}
      </Tag>
    </Tooltip>
  );
}
